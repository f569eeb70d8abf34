import { useChat } from '../context/ChatContext';
import { initials } from '../types';
import bubble from '../assets/bubble.svg';

export function ChannelSidebar() {
  const { state, selectChannel } = useChat();
  const { channels, activeChannelId, me } = state;

  return (
    <aside className="sidebar">
      <header className="sidebar__brand">
        <img src={bubble} alt="" width={24} height={24} />
        <span>Team Chat</span>
      </header>

      <nav className="sidebar__section" aria-label="Channels">
        <h2 className="sidebar__heading">Channels</h2>
        <ul className="sidebar__list">
          {channels.map((channel) => {
            const isActive = channel.id === activeChannelId;
            return (
              <li key={channel.id}>
                <button
                  type="button"
                  className={`sidebar__channel${isActive ? ' is-active' : ''}`}
                  aria-current={isActive ? 'page' : undefined}
                  onClick={() => selectChannel(channel.id)}
                >
                  <span aria-hidden="true">#</span> {channel.name}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>

      <footer className="sidebar__me">
        <span className="avatar avatar--sm" style={{ background: me.color }}>
          {initials(me.name)}
        </span>
        <span>{me.name}</span>
      </footer>
    </aside>
  );
}
