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

export interface CategoryTotal {
  category: Category;
  label: string;
  color: string;
  totalCents: number;
  share: number;
}

/** Per-category totals for a month, largest first, skipping empty categories. */
export function selectCategoryTotals(state: ExpenseState, month: MonthKey): CategoryTotal[] {
  const totals = new Map<Category, number>();
  for (const expense of state.expenses) {
    if (monthKey(expense.date) !== month) continue;
    totals.set(expense.category, (totals.get(expense.category) ?? 0) + expense.amountCents);
  }
  const grandTotal = [...totals.values()].reduce((sum, cents) => sum + cents, 0);
  return [...totals.entries()]
    .map(([category, totalCents]) => ({
      category,
      label: categoryLabel(category),
      color: categoryColor(category),
      totalCents,
      share: grandTotal === 0 ? 0 : totalCents / grandTotal,
    }))
    .sort((a, b) => b.totalCents - a.totalCents);
}
