import type { Channel, Message, User } from '../types';

export interface ChatState {
  me: User;
  users: Record<string, User>;
  channels: Channel[];
  activeChannelId: string;
  messages: Record<string, Message[]>;
}

export type ChatAction =
  | { type: 'channel/select'; channelId: string }
  | { type: 'message/add'; message: Message };

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'channel/select': {
      if (!state.channels.some((channel) => channel.id === action.channelId)) return state;
      return { ...state, activeChannelId: action.channelId };
    }
    case 'message/add': {
      const { channelId } = action.message;
      const existing = state.messages[channelId] ?? [];
      return {
        ...state,
        messages: { ...state.messages, [channelId]: [...existing, action.message] },
      };
    }
    default:
      return state;
  }
}

/** Local seed data until the WebSocket backend exists. */
export function createInitialState(): ChatState {
  const now = Date.now();
  const ago = (minutes: number) => now - minutes * 60_000;
  const me: User = { id: 'u-me', name: 'You', color: '#6366f1' };
  const maya: User = { id: 'u-maya', name: 'Maya Chen', color: '#0ea5e9' };
  const tom: User = { id: 'u-tom', name: 'Tom Okafor', color: '#f97316' };

  return {
    me,
    users: { [me.id]: me, [maya.id]: maya, [tom.id]: tom },
    channels: [
      { id: 'general', name: 'general', topic: 'Team-wide announcements and chatter' },
      { id: 'frontend', name: 'frontend', topic: 'React, CSS and build tooling' },
      { id: 'random', name: 'random', topic: 'Anything goes' },
    ],
    activeChannelId: 'general',
    messages: {
      general: [
        { id: 'm1', channelId: 'general', authorId: maya.id, text: 'Morning! Standup moved to 10:15 today.', createdAt: ago(95) },
        { id: 'm2', channelId: 'general', authorId: tom.id, text: 'Thanks, I will be a few minutes late, train delays again.', createdAt: ago(90) },
      ],
      frontend: [
        { id: 'm3', channelId: 'frontend', authorId: tom.id, text: 'Anyone else seeing an HMR reload loop after the Vite bump?', createdAt: ago(40) },
      ],
      random: [],
    },
  };
}
