import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { chatReducer, createInitialState, type ChatState } from './chatReducer';
import { ChatSocket } from '../lib/socket';
import type { Channel, ConnectionState, Message, User } from '../types';

const CHAT_URL = import.meta.env.VITE_CHAT_URL ?? 'ws://localhost:8787/chat';
const TYPING_TTL_MS = 4000;

interface ChatContextValue {
  state: ChatState;
  connection: ConnectionState;
  activeChannel: Channel | undefined;
  activeMessages: Message[];
  typingUsers: User[];
  selectChannel: (channelId: string) => void;
  sendMessage: (text: string) => void;
  retryMessage: (message: Message) => void;
  notifyTyping: () => void;
}

const ChatContext = createContext<ChatContextValue | null>(null);
const EMPTY: Message[] = [];

export function ChatProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(chatReducer, undefined, createInitialState);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  // channelId -> userId -> expiry timestamp
  const [typing, setTyping] = useState<Record<string, Record<string, number>>>({});
  const socketRef = useRef<ChatSocket | null>(null);
  const { activeChannelId, me } = state;

  useEffect(() => {
    const socket = new ChatSocket(CHAT_URL);
    socketRef.current = socket;
    const offStatus = socket.onStatus(setConnection);
    const offEvent = socket.onEvent((event) => {
      if (event.type === 'hello') {
        dispatch({ type: 'session/hello', me: event.user, users: event.users, channels: event.channels });
      } else if (event.type === 'history') {
        dispatch({ type: 'history/loaded', channelId: event.channelId, messages: event.messages });
      } else if (event.type === 'message') {
        dispatch({ type: 'message/received', message: event.message, clientId: event.clientId });
      } else if (event.type === 'error' && event.clientId) {
        dispatch({ type: 'message/status', clientId: event.clientId, status: 'failed' });
      } else if (event.type === 'typing') {
        setTyping((prev) => ({
          ...prev,
          [event.channelId]: { ...prev[event.channelId], [event.userId]: Date.now() + TYPING_TTL_MS },
        }));
      }
    });
    socket.connect();
    return () => {
      offStatus();
      offEvent();
      socket.close();
      socketRef.current = null;
    };
  }, []);

  // Ask for history whenever the channel changes; queued until the socket is open.
  useEffect(() => {
    socketRef.current?.send({ type: 'join', channelId: activeChannelId });
  }, [activeChannelId]);

  // Re-render once the soonest typing indicator expires so it disappears.
  useEffect(() => {
    const expiries = Object.values(typing[activeChannelId] ?? {}).filter((t) => t > Date.now());
    if (expiries.length === 0) return;
    const timer = window.setTimeout(() => setTyping((prev) => ({ ...prev })), Math.min(...expiries) - Date.now() + 50);
    return () => window.clearTimeout(timer);
  }, [typing, activeChannelId]);

  const selectChannel = useCallback((channelId: string) => dispatch({ type: 'channel/select', channelId }), []);

  const sendMessage = useCallback(
    (text: string) => {
      const trimmed = text.trim();
      if (!trimmed) return;
      const clientId = crypto.randomUUID();
      dispatch({
        type: 'message/pending',
        message: { id: clientId, clientId, channelId: activeChannelId, authorId: me.id, text: trimmed, createdAt: Date.now(), status: 'pending' },
      });
      socketRef.current?.send({ type: 'send', channelId: activeChannelId, text: trimmed, clientId });
    },
    [activeChannelId, me.id],
  );

  const retryMessage = useCallback((message: Message) => {
    if (!message.clientId) return;
    dispatch({ type: 'message/status', clientId: message.clientId, status: 'pending' });
    socketRef.current?.send({ type: 'send', channelId: message.channelId, text: message.text, clientId: message.clientId });
  }, []);

  const notifyTyping = useCallback(() => {
    socketRef.current?.send({ type: 'typing', channelId: activeChannelId });
  }, [activeChannelId]);

  const value = useMemo<ChatContextValue>(() => {
    const now = Date.now();
    const typingUsers = Object.entries(typing[activeChannelId] ?? {})
      .filter(([userId, expires]) => expires > now && userId !== me.id)
      .map(([userId]) => state.users[userId])
      .filter((user): user is User => Boolean(user));
    return {
      state,
      connection,
      activeChannel: state.channels.find((channel) => channel.id === activeChannelId),
      activeMessages: state.messages[activeChannelId] ?? EMPTY,
      typingUsers,
      selectChannel,
      sendMessage,
      retryMessage,
      notifyTyping,
    };
  }, [state, connection, typing, activeChannelId, me.id, selectChannel, sendMessage, retryMessage, notifyTyping]);

  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}

export function useChat(): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error('useChat() must be used inside <ChatProvider>.');
  return value;
}
