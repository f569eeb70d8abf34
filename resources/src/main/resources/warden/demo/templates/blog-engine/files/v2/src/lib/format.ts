const dateFormatter = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  // Post dates are calendar dates, not instants: format them in UTC so
  // '2024-03-02' never shows up as March 1st for readers in the Americas.
  timeZone: 'UTC',
});

export function formatDate(isoDate: string): string {
  return dateFormatter.format(new Date(isoDate));
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/[\s-]+/g, '-');
}

const CODE_FENCE = /```[\s\S]*?```/g;
const WORDS_PER_MINUTE = 220;

/** Markdown to plain text: drops code blocks and keeps only the text of links. */
function toPlainText(markdown: string): string {
  return markdown
    .replace(CODE_FENCE, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>]/g, '');
}

/** First prose paragraph of a post as plain text, for list pages and meta tags. */
export function excerpt(markdown: string, maxLength = 180): string {
  const paragraphs = markdown.trim().split(/\n\s*\n/);
  // Skip leading headings and code blocks: they make terrible excerpts.
  const firstProse =
    paragraphs.find((p) => !p.startsWith('#') && !p.startsWith('```')) ?? '';
  const text = toPlainText(firstProse).replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text;
  return `${text.slice(0, maxLength).replace(/\s+\S*$/, '')}…`;
}

/** Minutes to read, ignoring code blocks (people skim those). Never less than 1. */
export function readingTime(markdown: string): number {
  const words = toPlainText(markdown).split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
