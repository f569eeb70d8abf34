import { useEffect } from 'react';
import { useChat } from '../context/ChatContext';
import { selectUnreadCount } from '../context/chatReducer';
import { initials } from '../types';
import bubble from '../assets/bubble.svg';

export function ChannelSidebar() {
  const { state, selectChannel } = useChat();
  const { channels, activeChannelId, me } = state;
  const unread = channels.map((channel) => selectUnreadCount(state, channel.id));
  const totalUnread = unread.reduce((sum, count) => sum + count, 0);

  // Show the unread total in the browser tab, like "(3) Team Chat".
  useEffect(() => {
    document.title = totalUnread > 0 ? `(${totalUnread}) Team Chat` : 'Team Chat';
  }, [totalUnread]);

  return (
    <aside className="sidebar">
      <header className="sidebar__brand">
        <img src={bubble} alt="" width={24} height={24} />
        <span>Team Chat</span>
      </header>

      <nav className="sidebar__section" aria-label="Channels">
        <h2 className="sidebar__heading">Channels</h2>
        <ul className="sidebar__list">
          {channels.map((channel, index) => {
            const isActive = channel.id === activeChannelId;
            const count = unread[index];
            return (
              <li key={channel.id}>
                <button
                  type="button"
                  className={`sidebar__channel${isActive ? ' is-active' : ''}${count > 0 ? ' has-unread' : ''}`}
                  aria-current={isActive ? 'page' : undefined}
                  onClick={() => selectChannel(channel.id)}
                >
                  <span aria-hidden="true">#</span> {channel.name}
                  {count > 0 && (
                    <span className="sidebar__badge" aria-label={`${count} unread`}>
                      {count > 99 ? '99+' : count}
                    </span>
                  )}
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
