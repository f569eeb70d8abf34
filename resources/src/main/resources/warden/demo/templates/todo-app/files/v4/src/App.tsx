import { AddTodoForm } from './components/AddTodoForm';
import { TodoList } from './components/TodoList';
import { ThemeProvider, useTheme } from './context/ThemeContext';
import { useLocalStorage } from './hooks/useLocalStorage';
import { createTodo, type Todo, type TodoPatch } from './types';
import logo from './assets/logo.svg';

const STORAGE_KEY = 'todo-app:todos:v1';

function ThemeToggle() {
  const { theme, toggleTheme } = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';

  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={toggleTheme}
      aria-label={`Switch to ${next} mode`}
      title={`Switch to ${next} mode`}
    >
      {theme === 'dark' ? '☀️' : '🌙'}
    </button>
  );
}

function TodoApp() {
  const [storedTodos, setTodos] = useLocalStorage<Todo[]>(STORAGE_KEY, []);
  // Guard against older or hand-edited data in localStorage.
  const todos = Array.isArray(storedTodos) ? storedTodos : [];

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

  const clearCompleted = () => {
    setTodos((prev) => prev.filter((todo) => !todo.completed));
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
        <ThemeToggle />
      </header>
      <main className="app-main">
        <AddTodoForm onAdd={addTodo} />
        <TodoList
          todos={todos}
          onUpdate={updateTodo}
          onDelete={deleteTodo}
          onClearCompleted={clearCompleted}
        />
      </main>
    </div>
  );
}

export default function App() {
  return (
    <ThemeProvider>
      <TodoApp />
    </ThemeProvider>
  );
}
