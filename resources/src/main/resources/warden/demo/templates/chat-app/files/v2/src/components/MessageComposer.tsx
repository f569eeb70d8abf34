import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useChat } from '../context/ChatContext';

const MAX_LENGTH = 4000;
/** Send at most one "typing" frame per channel every few seconds. */
const TYPING_THROTTLE_MS = 3000;

export function MessageComposer() {
  const { activeChannel, connection, sendMessage, notifyTyping } = useChat();
  const [text, setText] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const lastTypingSentRef = useRef(0);

  // Grow with the content up to ~8 lines, then scroll inside the textarea.
  useEffect(() => {
    const el = textareaRef.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 180)}px`;
  }, [text]);

  // Switching channels should put the cursor back in the composer.
  useEffect(() => {
    textareaRef.current?.focus();
  }, [activeChannel?.id]);

  const handleChange = (value: string) => {
    setText(value);
    const now = Date.now();
    if (value.trim() && now - lastTypingSentRef.current > TYPING_THROTTLE_MS) {
      lastTypingSentRef.current = now;
      notifyTyping();
    }
  };

  const submit = () => {
    if (!text.trim()) return;
    sendMessage(text);
    setText('');
    lastTypingSentRef.current = 0;
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter adds a newline. Ignore Enter while an IME is composing.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="composer" onSubmit={handleSubmit}>
      <textarea
        ref={textareaRef}
        className="composer__input"
        rows={1}
        maxLength={MAX_LENGTH}
        placeholder={`Message #${activeChannel?.name ?? ''}`}
        value={text}
        onChange={(event) => handleChange(event.target.value)}
        onKeyDown={handleKeyDown}
      />
      <button type="submit" className="composer__send" disabled={!text.trim()}>
        Send
      </button>
      {connection !== 'open' && (
        <p className="composer__hint">You're offline. Messages will be sent when the connection is back.</p>
      )}
    </form>
  );
}
