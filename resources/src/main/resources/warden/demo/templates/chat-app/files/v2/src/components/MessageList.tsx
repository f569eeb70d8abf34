import { Fragment, useEffect, useRef } from 'react';
import { useChat } from '../context/ChatContext';
import { initials } from '../types';
import { GROUP_WINDOW_MS, formatDayLabel, formatTime, isSameDay } from '../utils/time';

export function MessageList() {
  const { state, activeChannel, activeMessages, typingUsers, retryMessage } = useChat();
  const bottomRef = useRef<HTMLDivElement>(null);

  // Keep the newest message in view.
  useEffect(() => {
    bottomRef.current?.scrollIntoView({ block: 'end' });
  }, [activeMessages.length, activeChannel?.id]);

  if (activeMessages.length === 0) {
    return (
      <div className="messages messages--empty">
        <p>This is the very beginning of #{activeChannel?.name}. Say hi 👋</p>
      </div>
    );
  }

  return (
    <div className="messages" role="log" aria-live="polite" aria-label={`Messages in #${activeChannel?.name}`}>
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
    </div>
  );
}
