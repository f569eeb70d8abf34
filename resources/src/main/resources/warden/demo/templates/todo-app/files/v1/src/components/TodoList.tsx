import { TodoItem } from './TodoItem';
import type { Todo, TodoPatch } from '../types';

interface TodoListProps {
  todos: Todo[];
  onUpdate: (id: string, patch: TodoPatch) => void;
  onDelete: (id: string) => void;
}

export function TodoList({ todos, onUpdate, onDelete }: TodoListProps) {
  if (todos.length === 0) {
    return <p className="todo-empty">Nothing here yet. Add your first task above.</p>;
  }

  // Open tasks first, then completed ones; newest first inside each group.
  const sorted = [...todos].sort((a, b) => {
    if (a.completed !== b.completed) return a.completed ? 1 : -1;
    return b.createdAt - a.createdAt;
  });

  return (
    <ul className="todo-list">
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
