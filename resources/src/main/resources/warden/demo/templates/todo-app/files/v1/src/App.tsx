import { useState } from 'react';
import { AddTodoForm } from './components/AddTodoForm';
import { TodoList } from './components/TodoList';
import { createTodo, type Todo, type TodoPatch } from './types';
import logo from './assets/logo.svg';

export default function App() {
  const [todos, setTodos] = useState<Todo[]>([]);

  const addTodo = (title: string) => {
    if (!title.trim()) return;
    setTodos((prev) => [createTodo(title), ...prev]);
  };

  const updateTodo = (id: string, patch: TodoPatch) => {
    setTodos((prev) =>
      prev.map((todo) => (todo.id === id ? { ...todo, ...patch } : todo)),
    );
  };

  const deleteTodo = (id: string) => {
    setTodos((prev) => prev.filter((todo) => todo.id !== id));
  };

  const remaining = todos.filter((todo) => !todo.completed).length;

  return (
    <div className="app">
      <header className="app-header">
        <img src={logo} alt="" className="app-logo" width={32} height={32} />
        <h1>Todos</h1>
        <span className="app-count" aria-live="polite">
          {remaining} {remaining === 1 ? 'task' : 'tasks'} left
        </span>
      </header>
      <main className="app-main">
        <AddTodoForm onAdd={addTodo} />
        <TodoList todos={todos} onUpdate={updateTodo} onDelete={deleteTodo} />
      </main>
    </div>
  );
}
