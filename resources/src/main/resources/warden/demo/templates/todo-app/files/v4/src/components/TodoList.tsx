import { useMemo, useState } from 'react';
import { TodoItem } from './TodoItem';
import { FilterBar, applyFilter, type TodoFilter } from './FilterBar';
import { useTheme } from '../context/ThemeContext';
import type { Todo, TodoPatch } from '../types';

interface TodoListProps {
  todos: Todo[];
  onUpdate: (id: string, patch: TodoPatch) => void;
  onDelete: (id: string) => void;
  onClearCompleted: () => void;
}

const EMPTY_MESSAGES: Record<TodoFilter, string> = {
  all: 'Nothing here yet. Add your first task above.',
  active: 'No open tasks. Nice work.',
  completed: 'Nothing completed yet.',
};

export function TodoList({ todos, onUpdate, onDelete, onClearCompleted }: TodoListProps) {
  const { theme } = useTheme();
  const [filter, setFilter] = useState<TodoFilter>('all');

  const counts = useMemo(() => {
    const completed = todos.filter((todo) => todo.completed).length;
    return { all: todos.length, active: todos.length - completed, completed };
  }, [todos]);

  // Filter first, then sort: open tasks on top, newest first inside each group.
  const visible = useMemo(
    () =>
      applyFilter(todos, filter).sort((a, b) => {
        if (a.completed !== b.completed) return a.completed ? 1 : -1;
        return b.createdAt - a.createdAt;
      }),
    [todos, filter],
  );

  return (
    <section className="todo-section">
      {todos.length > 0 && (
        <FilterBar
          value={filter}
          counts={counts}
          onChange={setFilter}
          onClearCompleted={onClearCompleted}
        />
      )}
      {visible.length === 0 ? (
        <p className={`todo-empty todo-empty--${theme}`}>{EMPTY_MESSAGES[filter]}</p>
      ) : (
        // Dark mode swaps the drop shadow for an outline: shadows vanish on dark surfaces.
        <ul className={`todo-list todo-list--${theme}`} data-theme={theme}>
          {visible.map((todo) => (
            <TodoItem
              key={todo.id}
              todo={todo}
              onToggle={() => onUpdate(todo.id, { completed: !todo.completed })}
              onRename={(title) => onUpdate(todo.id, { title })}
              onDelete={() => onDelete(todo.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
