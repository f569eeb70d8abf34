import { useMemo, useSyncExternalStore } from 'react';
import { selectMonthTotal } from './selectors';
import type { Category, Expense, ExpenseDraft, MonthKey } from '../types';
import { monthKey } from '../utils/currency';

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
  /** Monthly budget in cents, or null when the user hasn't set one. */
  monthlyBudgetCents: number | null;
  /** Month -> date of the expense that first pushed it over budget. */
  overBudgetSince: Record<MonthKey, string>;
}

const STORAGE_KEY = 'expense-tracker:v1';
const listeners = new Set<() => void>();

const DEFAULT_STATE: ExpenseState = {
  expenses: [],
  currency: 'EUR',
  monthlyBudgetCents: null,
  overBudgetSince: {},
};

function load(): ExpenseState {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    // Data saved before budgets existed lacks the new fields: fill in defaults.
    if (raw) return { ...DEFAULT_STATE, ...(JSON.parse(raw) as Partial<ExpenseState>) };
  } catch (error) {
    console.warn('Could not read saved expenses, starting empty.', error);
  }
  return DEFAULT_STATE;
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

/** Recompute the over-budget marker for one month after its expenses changed. */
function withBudgetMarker(next: ExpenseState, month: MonthKey, triggeredOn: string): ExpenseState {
  const budget = next.monthlyBudgetCents;
  const isOver = budget !== null && selectMonthTotal(next, month) > budget;
  const { [month]: existing, ...others } = next.overBudgetSince;
  if (isOver) return { ...next, overBudgetSince: { ...others, [month]: existing ?? triggeredOn } };
  return existing ? { ...next, overBudgetSince: others } : next;
}

export const expenseStore = {
  getState: (): ExpenseState => state,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  addExpense(draft: ExpenseDraft): void {
    const expense: Expense = { ...draft, id: crypto.randomUUID(), createdAt: Date.now() };
    const next = { ...state, expenses: [expense, ...state.expenses] };
    setState(withBudgetMarker(next, monthKey(expense.date), expense.date));
  },

  removeExpense(id: string): void {
    const removed = state.expenses.find((expense) => expense.id === id);
    if (!removed) return;
    const next = { ...state, expenses: state.expenses.filter((expense) => expense.id !== id) };
    setState(withBudgetMarker(next, monthKey(removed.date), removed.date));
  },

  setMonthlyBudget(cents: number | null): void {
    // A new budget invalidates every marker; they are re-derived as expenses change.
    setState({ ...state, monthlyBudgetCents: cents, overBudgetSince: {} });
  },
};

/**
 * Subscribe a component to part of the store.
 *
 * useSyncExternalStore must get the *same* snapshot object back until the store
 * changes, so we subscribe to the whole state and derive with useMemo.
 */
export function useExpenseStore<T>(selector: (state: ExpenseState) => T): T {
  const snapshot = useSyncExternalStore(expenseStore.subscribe, expenseStore.getState);
  return useMemo(() => selector(snapshot), [snapshot, selector]);
}
