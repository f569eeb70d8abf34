import { CATEGORIES, type ExpenseState } from './expenseStore';
import type { Category, Expense, MonthKey } from '../types';
import { monthKey } from '../utils/currency';

const CATEGORY_LABELS = new Map(CATEGORIES.map((category) => [category.id, category.label]));
const CATEGORY_COLORS = new Map(CATEGORIES.map((category) => [category.id, category.color]));

export function categoryLabel(id: Category): string {
  return CATEGORY_LABELS.get(id) ?? id;
}

export function categoryColor(id: Category): string {
  return CATEGORY_COLORS.get(id) ?? '#64748b';
}

/** Newest first; same-day entries by the order they were added. */
export function selectExpensesForMonth(state: ExpenseState, month: MonthKey): Expense[] {
  return state.expenses
    .filter((expense) => monthKey(expense.date) === month)
    .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
}

export function selectMonthTotal(state: ExpenseState, month: MonthKey): number {
  return state.expenses
    .filter((expense) => monthKey(expense.date) === month)
    .reduce((sum, expense) => sum + expense.amountCents, 0);
}

/** Months that have at least one expense, newest first, always including `current`. */
export function selectAvailableMonths(state: ExpenseState, current: MonthKey): MonthKey[] {
  const months = new Set(state.expenses.map((expense) => monthKey(expense.date)));
  months.add(current);
  return [...months].sort().reverse();
}
