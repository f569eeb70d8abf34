import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useChat } from '../context/ChatContext';
import { initials } from '../types';
import { GROUP_WINDOW_MS, formatDayLabel, formatTime, isSameDay } from '../utils/time';

/** Within this many pixels of the bottom we treat the user as "following" the chat. */
const STICKY_THRESHOLD_PX = 80;

export function MessageList() {
  const { state, activeChannel, activeMessages, typingUsers, retryMessage } = useChat();
  const containerRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  const stickToBottomRef = useRef(true);
  const [hasNewBelow, setHasNewBelow] = useState(false);

  const handleScroll = () => {
    const el = containerRef.current;
    if (!el) return;
    stickToBottomRef.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_THRESHOLD_PX;
    if (stickToBottomRef.current) setHasNewBelow(false);
  };

  const scrollToBottom = () => {
    bottomRef.current?.scrollIntoView({ block: 'end' });
    setHasNewBelow(false);
  };

  // Opening a channel always starts at the newest message.
  useLayoutEffect(() => {
    stickToBottomRef.current = true;
    scrollToBottom();
  }, [activeChannel?.id]);

  // New message: follow it only if the user was already at the bottom or wrote it.
  // Before, we always jumped, which yanked people out of the history they were reading.
  const lastMessage = activeMessages[activeMessages.length - 1];
  useEffect(() => {
    if (!lastMessage) return;
    if (stickToBottomRef.current || lastMessage.authorId === state.me.id) scrollToBottom();
    else setHasNewBelow(true);
  }, [lastMessage?.id, lastMessage?.authorId, state.me.id]);

  if (activeMessages.length === 0) {
    return (
      <div className="messages messages--empty">
        <p>This is the very beginning of #{activeChannel?.name}. Say hi 👋</p>
      </div>
    );
  }

  return (
    <div
      ref={containerRef}
      className="messages"
      role="log"
      aria-live="polite"
      aria-label={`Messages in #${activeChannel?.name}`}
      onScroll={handleScroll}
    >
      {activeMessages.map((message, index) => {
        const previous = activeMessages[index - 1];
        const newDay = !previous || !isSameDay(previous.createdAt, message.createdAt);
        const grouped =
          !newDay &&
          previous.authorId === message.authorId &&
          message.createdAt - previous.createdAt < GROUP_WINDOW_MS;
        const author = state.users[message.authorId];

        return (
          <Fragment key={message.id}>
            {newDay && (
              <div className="messages__day" role="separator">
                <span>{formatDayLabel(message.createdAt)}</span>
              </div>
            )}
            <article
              className={`message${grouped ? ' message--grouped' : ''} message--${message.status}`}
              aria-busy={message.status === 'pending'}
            >
              {!grouped && (
                <span className="avatar" style={{ background: author?.color ?? '#94a3b8' }} aria-hidden="true">
                  {initials(author?.name ?? '?')}
                </span>
              )}
              <div className="message__body">
                {!grouped && (
                  <header className="message__meta">
                    <strong>{author?.name ?? 'Unknown user'}</strong>
                    <time dateTime={new Date(message.createdAt).toISOString()}>{formatTime(message.createdAt)}</time>
                  </header>
                )}
                <p className="message__text">{message.text}</p>
                {message.status === 'failed' && (
                  <p className="message__failed" role="alert">
                    Not delivered.{' '}
                    <button type="button" onClick={() => retryMessage(message)}>
                      Retry
                    </button>
                  </p>
                )}
              </div>
            </article>
          </Fragment>
        );
      })}
      {typingUsers.length > 0 && (
        <p className="messages__typing">
          {typingUsers.map((user) => user.name).join(', ')} {typingUsers.length === 1 ? 'is' : 'are'} typing…
        </p>
      )}
      <div ref={bottomRef} />
      {hasNewBelow && (
        <button type="button" className="messages__new" onClick={scrollToBottom}>
          New messages ↓
        </button>
      )}
    </div>
  );
}
