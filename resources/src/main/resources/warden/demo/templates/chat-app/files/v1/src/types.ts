export interface User {
  id: string;
  name: string;
  /** Avatar background, any CSS colour. */
  color: string;
}

export interface Channel {
  id: string;
  name: string;
  topic?: string;
}

export interface Message {
  id: string;
  channelId: string;
  authorId: string;
  text: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
