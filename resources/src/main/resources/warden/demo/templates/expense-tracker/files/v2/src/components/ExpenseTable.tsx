import { useMemo, useState } from 'react';
import { expenseStore, useExpenseStore } from '../store/expenseStore';
import { categoryColor, categoryLabel } from '../store/selectors';
import type { Expense } from '../types';
import { formatCents } from '../utils/currency';

interface ExpenseTableProps {
  expenses: Expense[];
}

type SortKey = 'date' | 'amount';

export function ExpenseTable({ expenses }: ExpenseTableProps) {
  const currency = useExpenseStore((state) => state.currency);
  const [sortKey, setSortKey] = useState<SortKey>('date');
  const [descending, setDescending] = useState(true);

  const sorted = useMemo(() => {
    const list = [...expenses].sort((a, b) =>
      sortKey === 'amount' ? a.amountCents - b.amountCents : a.date.localeCompare(b.date) || a.createdAt - b.createdAt,
    );
    return descending ? list.reverse() : list;
  }, [expenses, sortKey, descending]);

  // Sum what we render instead of re-reading the store, so the footer can't disagree with the rows.
  const total = expenses.reduce((sum, expense) => sum + expense.amountCents, 0);

  const toggleSort = (key: SortKey) => {
    if (key === sortKey) setDescending((value) => !value);
    else {
      setSortKey(key);
      setDescending(true);
    }
  };

  const ariaSort = (key: SortKey) => (sortKey === key ? (descending ? 'descending' : 'ascending') : 'none');
  const arrow = (key: SortKey) => (sortKey === key ? (descending ? ' ↓' : ' ↑') : '');

  if (expenses.length === 0) {
    return <p className="card empty">No expenses this month yet.</p>;
  }

  return (
    <div className="card table-wrap">
      <table className="expense-table">
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort('date')}>
              <button type="button" className="sort" onClick={() => toggleSort('date')}>Date{arrow('date')}</button>
            </th>
            <th scope="col">Category</th>
            <th scope="col">Note</th>
            <th scope="col" className="num" aria-sort={ariaSort('amount')}>
              <button type="button" className="sort" onClick={() => toggleSort('amount')}>Amount{arrow('amount')}</button>
            </th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((expense) => (
            <tr key={expense.id}>
              <td>{expense.date}</td>
              <td>
                <span className="dot" style={{ background: categoryColor(expense.category) }} aria-hidden="true" />
                {categoryLabel(expense.category)}
              </td>
              <td className="note">{expense.note || '—'}</td>
              <td className="num">{formatCents(expense.amountCents, currency)}</td>
              <td>
                <button
                  type="button"
                  className="link-danger"
                  onClick={() => expenseStore.removeExpense(expense.id)}
                  aria-label={`Delete ${categoryLabel(expense.category)} expense from ${expense.date}`}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>Total</th>
            <td className="num">{formatCents(total, currency)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
