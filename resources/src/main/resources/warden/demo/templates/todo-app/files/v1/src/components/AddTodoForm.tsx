import { useRef, useState, type FormEvent } from 'react';

interface AddTodoFormProps {
  onAdd: (title: string) => void;
}

export function AddTodoForm({ onAdd }: AddTodoFormProps) {
  const [title, setTitle] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) {
      inputRef.current?.focus();
      return;
    }
    onAdd(trimmed);
    setTitle('');
    inputRef.current?.focus();
  };

  return (
    <form className="add-todo" onSubmit={handleSubmit}>
      <label htmlFor="new-todo" className="visually-hidden">
        New task
      </label>
      <input
        id="new-todo"
        ref={inputRef}
        className="add-todo__input"
        placeholder="What needs to be done?"
        value={title}
        maxLength={200}
        autoComplete="off"
        onChange={(event) => setTitle(event.target.value)}
      />
      <button type="submit" className="add-todo__button" disabled={!title.trim()}>
        Add
      </button>
    </form>
  );
}
