import { expenseStore, useExpenseStore } from '../store/expenseStore';
import { categoryLabel, selectMonthTotal } from '../store/selectors';
import type { Expense } from '../types';
import { formatCents } from '../utils/currency';

interface ExpenseTableProps {
  month: string;
  expenses: Expense[];
}

export function ExpenseTable({ month, expenses }: ExpenseTableProps) {
  const currency = useExpenseStore((state) => state.currency);
  const total = selectMonthTotal(expenseStore.getState(), month);

  if (expenses.length === 0) {
    return <p className="card empty">No expenses this month yet.</p>;
  }

  return (
    <div className="card table-wrap">
      <table className="expense-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Category</th>
            <th scope="col">Note</th>
            <th scope="col" className="num">Amount</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {expenses.map((expense) => (
            <tr key={expense.id}>
              <td>{expense.date}</td>
              <td>{categoryLabel(expense.category)}</td>
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
