const timeFormatter = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormatter = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  month: 'short',
  day: 'numeric',
});

const DAY_MS = 24 * 60 * 60 * 1000;

function startOfDay(timestamp: number): number {
  const date = new Date(timestamp);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

export function formatTime(timestamp: number): string {
  return timeFormatter.format(timestamp);
}

export function isSameDay(a: number, b: number): boolean {
  return startOfDay(a) === startOfDay(b);
}

/** "Today", "Yesterday" or e.g. "Monday, Jun 3" for the separators in the message list. */
export function formatDayLabel(timestamp: number, now = Date.now()): string {
  const diffDays = Math.round((startOfDay(now) - startOfDay(timestamp)) / DAY_MS);
  if (diffDays === 0) return 'Today';
  if (diffDays === 1) return 'Yesterday';
  return dayFormatter.format(timestamp);
}

/** Consecutive messages from one author within this window render as one group. */
export const GROUP_WINDOW_MS = 5 * 60 * 1000;
