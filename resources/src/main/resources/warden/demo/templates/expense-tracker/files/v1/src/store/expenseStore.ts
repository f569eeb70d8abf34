import { useSyncExternalStore } from 'react';
import type { Category, Expense, ExpenseDraft } from '../types';

export const CATEGORIES: { id: Category; label: string; color: string }[] = [
  { id: 'groceries', label: 'Groceries', color: '#16a34a' },
  { id: 'rent', label: 'Rent', color: '#0f766e' },
  { id: 'transport', label: 'Transport', color: '#2563eb' },
  { id: 'dining', label: 'Eating out', color: '#ea580c' },
  { id: 'utilities', label: 'Utilities', color: '#7c3aed' },
  { id: 'entertainment', label: 'Entertainment', color: '#db2777' },
  { id: 'health', label: 'Health', color: '#dc2626' },
  { id: 'other', label: 'Other', color: '#64748b' },
];

export interface ExpenseState {
  expenses: Expense[];
  currency: string;
}

const STORAGE_KEY = 'expense-tracker:v1';
const listeners = new Set<() => void>();

function load(): ExpenseState {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) return JSON.parse(raw) as ExpenseState;
  } catch (error) {
    console.warn('Could not read saved expenses, starting empty.', error);
  }
  return { expenses: [], currency: 'EUR' };
}

let state: ExpenseState = load();

function setState(next: ExpenseState): void {
  state = next;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch (error) {
    console.warn('Could not save expenses.', error);
  }
  listeners.forEach((listener) => listener());
}

export const expenseStore = {
  getState: (): ExpenseState => state,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  addExpense(draft: ExpenseDraft): void {
    const expense: Expense = { ...draft, id: crypto.randomUUID(), createdAt: Date.now() };
    setState({ ...state, expenses: [expense, ...state.expenses] });
  },

  removeExpense(id: string): void {
    setState({ ...state, expenses: state.expenses.filter((expense) => expense.id !== id) });
  },
};

/** Subscribe a component to part of the store. */
export function useExpenseStore<T>(selector: (state: ExpenseState) => T): T {
  return useSyncExternalStore(expenseStore.subscribe, () => selector(expenseStore.getState()));
}
