import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({
  gfm: true,
  breaks: false,
});

// Open external links in a new tab without leaking window.opener.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')?.startsWith('http')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const cache = new Map<string, string>();

/**
 * Markdown to sanitized HTML. Posts are ours, but sanitizing keeps us safe if
 * content ever comes from a CMS or a pull request we didn't read closely.
 */
export function renderMarkdown(source: string): string {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;

  const rawHtml = marked.parse(source.trim(), { async: false }) as string;
  const html = DOMPurify.sanitize(rawHtml, { USE_PROFILES: { html: true } });
  cache.set(source, html);
  return html;
}
