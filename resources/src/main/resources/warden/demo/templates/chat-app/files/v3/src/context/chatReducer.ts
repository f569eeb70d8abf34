import type { Channel, DeliveryStatus, Message, User } from '../types';

export interface ChatState {
  me: User;
  users: Record<string, User>;
  channels: Channel[];
  activeChannelId: string;
  messages: Record<string, Message[]>;
  /** channelId -> epoch ms of the last time the user had that channel open. */
  lastReadAt: Record<string, number>;
}

export type ChatAction =
  | { type: 'session/hello'; me: User; users: User[]; channels: Channel[] }
  | { type: 'channel/select'; channelId: string }
  | { type: 'history/loaded'; channelId: string; messages: Message[] }
  | { type: 'message/pending'; message: Message }
  | { type: 'message/received'; message: Message; clientId?: string }
  | { type: 'message/status'; clientId: string; status: DeliveryStatus };

function withChannel(state: ChatState, channelId: string, list: Message[]): ChatState {
  return { ...state, messages: { ...state.messages, [channelId]: list } };
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'session/hello': {
      const users = Object.fromEntries(action.users.map((user) => [user.id, user]));
      const stillExists = action.channels.some((channel) => channel.id === state.activeChannelId);
      return {
        ...state,
        me: action.me,
        users: { ...users, [action.me.id]: action.me },
        channels: action.channels,
        activeChannelId: stillExists ? state.activeChannelId : (action.channels[0]?.id ?? ''),
      };
    }
    case 'channel/select': {
      if (!state.channels.some((channel) => channel.id === action.channelId)) return state;
      const now = Date.now();
      // Leaving a channel counts as having read it up to now, and so does opening one.
      return {
        ...state,
        activeChannelId: action.channelId,
        lastReadAt: { ...state.lastReadAt, [state.activeChannelId]: now, [action.channelId]: now },
      };
    }
    case 'history/loaded': {
      // Server history is the source of truth; keep only our unconfirmed messages on top.
      const local = (state.messages[action.channelId] ?? []).filter((m) => m.status !== 'sent');
      return withChannel(state, action.channelId, [...action.messages, ...local]);
    }
    case 'message/pending': {
      const { channelId } = action.message;
      return withChannel(state, channelId, [...(state.messages[channelId] ?? []), action.message]);
    }
    case 'message/received': {
      const { message, clientId } = action;
      const list = state.messages[message.channelId] ?? [];
      if (list.some((m) => m.id === message.id)) return state; // duplicate after reconnect
      const confirmed: Message = { ...message, status: 'sent' };
      const index = clientId ? list.findIndex((m) => m.clientId === clientId) : -1;
      const next = index >= 0 ? list.map((m, i) => (i === index ? confirmed : m)) : [...list, confirmed];
      return withChannel(state, message.channelId, next);
    }
    case 'message/status': {
      const messages = Object.fromEntries(
        Object.entries(state.messages).map(([channelId, list]) => [
          channelId,
          list.map((m) => (m.clientId === action.clientId ? { ...m, status: action.status } : m)),
        ]),
      );
      return { ...state, messages };
    }
    default:
      return state;
  }
}

/** Empty shell until the server's `hello` frame arrives with users and channels. */
export function createInitialState(): ChatState {
  const me: User = { id: 'me', name: 'You', color: '#6366f1' };
  return {
    me,
    users: { [me.id]: me },
    channels: [],
    activeChannelId: 'general',
    messages: {},
    lastReadAt: {},
  };
}

/** Messages from other people newer than the last visit. The open channel is always 0. */
export function selectUnreadCount(state: ChatState, channelId: string): number {
  if (channelId === state.activeChannelId) return 0;
  const since = state.lastReadAt[channelId] ?? 0;
  return (state.messages[channelId] ?? []).filter(
    (message) => message.createdAt > since && message.authorId !== state.me.id,
  ).length;
}
