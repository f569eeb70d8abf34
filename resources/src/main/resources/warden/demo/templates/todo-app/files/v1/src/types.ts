export interface Todo {
  id: string;
  title: string;
  completed: boolean;
  createdAt: number;
}

export type TodoPatch = Partial<Pick<Todo, 'title' | 'completed'>>;

let fallbackCounter = 0;

export function makeId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) {
    return crypto.randomUUID();
  }
  fallbackCounter += 1;
  return `todo-${Date.now().toString(36)}-${fallbackCounter}`;
}

export function createTodo(title: string): Todo {
  return {
    id: makeId(),
    title: title.trim(),
    completed: false,
    createdAt: Date.now(),
  };
}
