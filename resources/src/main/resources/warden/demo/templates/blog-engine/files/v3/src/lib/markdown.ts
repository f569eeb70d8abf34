import DOMPurify from 'dompurify';
import hljs from 'highlight.js/lib/common';
import { Marked, type Tokens } from 'marked';
import { markedHighlight } from 'marked-highlight';
import 'highlight.js/styles/github.css';
import { slugify } from './format';

export interface Heading {
  id: string;
  text: string;
  depth: number;
}

/** Returns a slug function that de-duplicates: "setup", "setup-1", "setup-2"… */
function createSlugger() {
  const seen = new Map<string, number>();
  return (text: string): string => {
    const base = slugify(text) || 'section';
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

// Reset at the start of every render so ids are stable per document.
let slugForHeading = createSlugger();

const marked = new Marked(
  { gfm: true, breaks: false },
  markedHighlight({
    langPrefix: 'hljs language-',
    highlight(code, lang) {
      const language = hljs.getLanguage(lang) ? lang : 'plaintext';
      return hljs.highlight(code, { language }).value;
    },
  }),
);

marked.use({
  renderer: {
    // marked v12 signature. The id must match what extractHeadings() produces.
    heading(text: string, level: number, raw: string) {
      return `<h${level} id="${slugForHeading(raw)}">${text}</h${level}>\n`;
    },
  },
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')?.startsWith('http')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const cache = new Map<string, string>();

export function renderMarkdown(source: string): string {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;

  slugForHeading = createSlugger();
  const rawHtml = marked.parse(source.trim(), { async: false }) as string;
  // DOMPurify keeps id and class attributes, which the TOC and highlight.js rely on.
  const html = DOMPurify.sanitize(rawHtml, { USE_PROFILES: { html: true } });
  cache.set(source, html);
  return html;
}

/** h2/h3 headings in document order, with the same ids renderMarkdown() assigns. */
export function extractHeadings(source: string): Heading[] {
  const slug = createSlugger();
  return marked
    .lexer(source.trim())
    .filter((token): token is Tokens.Heading => token.type === 'heading')
    .map((token) => ({
      id: slug(token.text.replace(/[`*_]/g, '')),
      text: token.text.replace(/[`*_]/g, ''),
      depth: token.depth,
    }))
    .filter((heading) => heading.depth === 2 || heading.depth === 3);
}
