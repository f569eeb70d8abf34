import { ChannelSidebar } from './components/ChannelSidebar';
import { MessageComposer } from './components/MessageComposer';
import { MessageList } from './components/MessageList';
import { ChatProvider, useChat } from './context/ChatContext';

function ConnectionBanner() {
  const { connection } = useChat();
  if (connection === 'open') return null;

  const text =
    connection === 'connecting'
      ? 'Connecting…'
      : connection === 'reconnecting'
        ? 'Connection lost. Reconnecting…'
        : 'Disconnected.';

  return (
    <div className={`connection-banner connection-banner--${connection}`} role="status">
      {text}
    </div>
  );
}

function ChannelHeader() {
  const { activeChannel } = useChat();
  if (!activeChannel) return null;

  return (
    <header className="channel-header">
      <h1>
        <span aria-hidden="true">#</span>
        {activeChannel.name}
      </h1>
      {activeChannel.topic && <p className="channel-header__topic">{activeChannel.topic}</p>}
    </header>
  );
}

export default function App() {
  return (
    <ChatProvider>
      <div className="chat-layout">
        <ChannelSidebar />
        <section className="chat-main">
          <ConnectionBanner />
          <ChannelHeader />
          <MessageList />
          <MessageComposer />
        </section>
      </div>
    </ChatProvider>
  );
}
