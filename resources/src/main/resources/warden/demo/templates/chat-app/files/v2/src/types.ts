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

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface Message {
  id: string;
  channelId: string;
  authorId: string;
  text: string;
  /** Epoch milliseconds, assigned by the server once the message is stored. */
  createdAt: number;
  /** Set on messages we sent, so the server echo can replace the optimistic copy. */
  clientId?: string;
  status: DeliveryStatus;
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Frames the server sends. Keep in sync with the chat server's protocol.ts. */
export type ServerEvent =
  | { type: 'hello'; user: User; users: User[]; channels: Channel[] }
  | { type: 'history'; channelId: string; messages: Message[] }
  | { type: 'message'; message: Message; clientId?: string }
  | { type: 'typing'; channelId: string; userId: string }
  | { type: 'error'; reason: string; clientId?: string }
  | { type: 'pong' };

/** Frames the client sends. */
export type ClientEvent =
  | { type: 'join'; channelId: string }
  | { type: 'send'; channelId: string; text: string; clientId: string }
  | { type: 'typing'; channelId: string }
  | { type: 'ping' };

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
