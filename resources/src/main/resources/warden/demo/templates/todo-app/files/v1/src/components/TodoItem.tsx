import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Todo } from '../types';

interface TodoItemProps {
  todo: Todo;
  onToggle: () => void;
  onRename: (title: string) => void;
  onDelete: () => void;
}

export function TodoItem({ todo, onToggle, onRename, onDelete }: TodoItemProps) {
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState(todo.title);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (isEditing) {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }, [isEditing]);

  const commit = () => {
    const trimmed = draft.trim();
    if (!trimmed) {
      onDelete();
      return;
    }
    if (trimmed !== todo.title) onRename(trimmed);
    setIsEditing(false);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setDraft(todo.title);
      setIsEditing(false);
    }
  };

  return (
    <li className={`todo-item${todo.completed ? ' todo-item--done' : ''}`}>
      <input
        type="checkbox"
        className="todo-item__check"
        checked={todo.completed}
        onChange={onToggle}
        aria-label={`Mark "${todo.title}" as ${todo.completed ? 'not done' : 'done'}`}
      />
      {isEditing ? (
        <input
          ref={inputRef}
          className="todo-item__edit"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={handleKeyDown}
        />
      ) : (
        <span className="todo-item__title" onDoubleClick={() => setIsEditing(true)}>
          {todo.title}
        </span>
      )}
      <button
        type="button"
        className="todo-item__delete"
        onClick={onDelete}
        aria-label={`Delete "${todo.title}"`}
      >
        ×
      </button>
    </li>
  );
}
