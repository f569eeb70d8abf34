import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useReducer,
  type ReactNode,
} from 'react';
import { chatReducer, createInitialState, type ChatState } from './chatReducer';
import type { Channel, Message } from '../types';

interface ChatContextValue {
  state: ChatState;
  activeChannel: Channel | undefined;
  activeMessages: Message[];
  selectChannel: (channelId: string) => void;
  sendMessage: (text: string) => void;
}

const ChatContext = createContext<ChatContextValue | null>(null);

const EMPTY: Message[] = [];

export function ChatProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(chatReducer, undefined, createInitialState);

  const selectChannel = useCallback((channelId: string) => {
    dispatch({ type: 'channel/select', channelId });
  }, []);

  const { activeChannelId, me } = state;

  const sendMessage = useCallback(
    (text: string) => {
      const trimmed = text.trim();
      if (!trimmed) return;
      dispatch({
        type: 'message/add',
        message: {
          id: crypto.randomUUID(),
          channelId: activeChannelId,
          authorId: me.id,
          text: trimmed,
          createdAt: Date.now(),
        },
      });
    },
    [activeChannelId, me.id],
  );

  const value = useMemo<ChatContextValue>(
    () => ({
      state,
      activeChannel: state.channels.find((channel) => channel.id === activeChannelId),
      activeMessages: state.messages[activeChannelId] ?? EMPTY,
      selectChannel,
      sendMessage,
    }),
    [state, activeChannelId, selectChannel, sendMessage],
  );

  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}

export function useChat(): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error('useChat() must be used inside <ChatProvider>.');
  return value;
}
