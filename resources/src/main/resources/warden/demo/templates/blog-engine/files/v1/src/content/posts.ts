export interface Post {
  slug: string;
  title: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  body: string;
}

export const posts: Post[] = [
  {
    slug: 'moving-side-projects-to-vite',
    title: 'Moving my side projects to Vite',
    date: '2024-03-02',
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
];

export function getPost(slug: string): Post | undefined {
  return posts.find((post) => post.slug === slug);
}

export function getSortedPosts(): Post[] {
  // ISO dates sort correctly as strings.
  return [...posts].sort((a, b) => b.date.localeCompare(a.date));
}
