export interface Post {
  slug: string;
  title: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  tags: string[];
  body: string;
}

export const posts: Post[] = [
  {
    slug: 'moving-side-projects-to-vite',
    title: 'Moving my side projects to Vite',
    date: '2024-03-02',
    tags: ['tooling', 'vite'],
    body: `
I had four small apps still on Create React App. Cold starts took 20 seconds and
\`npm audit\` was a wall of red. Moving them to Vite took an evening each.

## What changed

- \`index.html\` moves to the project root and loads \`/src/main.tsx\` directly
- \`process.env.REACT_APP_*\` becomes \`import.meta.env.VITE_*\`
- SVG imports return a URL instead of a component

## What I'd do differently

Start with the app that has the fewest environment variables. Renaming those
is the only part that can break silently.
`,
  },
  {
    slug: 'useeffect-cleanup-notes',
    title: 'Notes on useEffect cleanup',
    date: '2024-04-18',
    tags: ['react', 'hooks'],
    body: `
Most effect bugs I've fixed this year were missing cleanups. The pattern that
keeps coming up is a fetch that resolves after the component moved on:

\`\`\`ts
useEffect(() => {
  const controller = new AbortController();
  fetch(url, { signal: controller.signal }).then(handle);
  return () => controller.abort();
}, [url]);
\`\`\`

## Rules of thumb

1. Anything you subscribe to, unsubscribe from.
2. Anything you start (timers, requests), stop.
3. If StrictMode's double-invoke breaks it, the cleanup is wrong, not StrictMode.
`,
  },
  {
    slug: 'container-queries-in-practice',
    title: 'Container queries in practice',
    date: '2024-06-09',
    tags: ['css'],
    body: `
[Container queries](https://developer.mozilla.org/en-US/docs/Web/CSS/CSS_container_queries)
finally let a card decide its layout from its own width instead of the viewport's.

\`\`\`css
.card-grid { container-type: inline-size; }

@container (min-width: 420px) {
  .card { grid-template-columns: 120px 1fr; }
}
\`\`\`

> The parent needs \`container-type\`, not the element you are styling.

That one line cost me an hour the first time.
`,
  },
];

export function getPost(slug: string): Post | undefined {
  return posts.find((post) => post.slug === slug);
}

export function getSortedPosts(): Post[] {
  // ISO dates sort correctly as strings.
  return [...posts].sort((a, b) => b.date.localeCompare(a.date));
}

export function getPostsByTag(tag: string): Post[] {
  return getSortedPosts().filter((post) => post.tags.includes(tag));
}

export function getAllTags(): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const post of posts) {
    for (const tag of post.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
