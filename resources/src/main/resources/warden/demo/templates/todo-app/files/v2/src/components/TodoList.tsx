import { TodoItem } from './TodoItem';
import { useTheme } from '../context/ThemeContext';
import type { Todo, TodoPatch } from '../types';

interface TodoListProps {
  todos: Todo[];
  onUpdate: (id: string, patch: TodoPatch) => void;
  onDelete: (id: string) => void;
}

export function TodoList({ todos, onUpdate, onDelete }: TodoListProps) {
  const { theme } = useTheme();

  if (todos.length === 0) {
    return (
      <p className={`todo-empty todo-empty--${theme}`}>
        {theme === 'dark'
          ? 'All quiet tonight. Add a task above.'
          : 'Nothing here yet. Add your first task above.'}
      </p>
    );
  }

  // Open tasks first, then completed ones; newest first inside each group.
  const sorted = [...todos].sort((a, b) => {
    if (a.completed !== b.completed) return a.completed ? 1 : -1;
    return b.createdAt - a.createdAt;
  });

  // Dark mode swaps the drop shadow for an outline: shadows vanish on dark surfaces.
  return (
    <ul className={`todo-list todo-list--${theme}`} data-theme={theme}>
      {sorted.map((todo) => (
        <TodoItem
          key={todo.id}
          todo={todo}
          onToggle={() => onUpdate(todo.id, { completed: !todo.completed })}
          onRename={(title) => onUpdate(todo.id, { title })}
          onDelete={() => onDelete(todo.id)}
        />
      ))}
    </ul>
  );
}
