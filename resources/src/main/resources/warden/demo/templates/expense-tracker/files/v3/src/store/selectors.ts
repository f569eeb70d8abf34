import { CATEGORIES, type ExpenseState } from './expenseStore';
import type { Category, Expense, MonthKey } from '../types';
import { monthKey } from '../utils/currency';

// expenseStore imports this module (for the budget check) and we import
// CATEGORIES from it, so the two modules form a cycle. Depending on which one
// loads first, this file can run before CATEGORIES is initialized, and the old
// top-level `new Map(CATEGORIES...)` threw a TDZ ReferenceError. Build the index
// lazily, on first use, when both modules have finished loading.
let categoryIndex: Map<Category, { label: string; color: string }> | null = null;

function categoryInfo(id: Category) {
  categoryIndex ??= new Map(CATEGORIES.map((category) => [category.id, category]));
  return categoryIndex.get(id);
}

export function categoryLabel(id: Category): string {
  return categoryInfo(id)?.label ?? id;
}

export function categoryColor(id: Category): string {
  return categoryInfo(id)?.color ?? '#64748b';
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

export interface BudgetStatus {
  budgetCents: number;
  spentCents: number;
  remainingCents: number;
  /** spent / budget; above 1 means over budget. */
  ratio: number;
  level: 'ok' | 'warning' | 'over';
  overSince: string | null;
}

export function selectBudgetStatus(state: ExpenseState, month: MonthKey): BudgetStatus | null {
  const budgetCents = state.monthlyBudgetCents;
  if (budgetCents === null || budgetCents <= 0) return null;
  const spentCents = selectMonthTotal(state, month);
  const ratio = spentCents / budgetCents;
  return {
    budgetCents,
    spentCents,
    remainingCents: budgetCents - spentCents,
    ratio,
    level: ratio > 1 ? 'over' : ratio >= 0.8 ? 'warning' : 'ok',
    overSince: state.overBudgetSince[month] ?? null,
  };
}
