import type { Todo } from '../types';

export type TodoFilter = 'all' | 'active' | 'completed';

export const FILTERS: { value: TodoFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'completed', label: 'Completed' },
];

export function applyFilter(todos: Todo[], filter: TodoFilter): Todo[] {
  switch (filter) {
    case 'active':
      return todos.filter((todo) => !todo.completed);
    case 'completed':
      return todos.filter((todo) => todo.completed);
    default:
      return todos;
  }
}

interface FilterBarProps {
  value: TodoFilter;
  counts: Record<TodoFilter, number>;
  onChange: (filter: TodoFilter) => void;
  onClearCompleted: () => void;
}

export function FilterBar({ value, counts, onChange, onClearCompleted }: FilterBarProps) {
  return (
    <div className="filter-bar" role="toolbar" aria-label="Filter tasks">
      <div className="filter-bar__group">
        {FILTERS.map((filter) => (
          <button
            key={filter.value}
            type="button"
            className={`filter-bar__button${value === filter.value ? ' is-active' : ''}`}
            aria-pressed={value === filter.value}
            onClick={() => onChange(filter.value)}
          >
            {filter.label}
            <span className="filter-bar__count">{counts[filter.value]}</span>
          </button>
        ))}
      </div>
      <button
        type="button"
        className="filter-bar__clear"
        onClick={onClearCompleted}
        disabled={counts.completed === 0}
      >
        Clear completed
      </button>
    </div>
  );
}
