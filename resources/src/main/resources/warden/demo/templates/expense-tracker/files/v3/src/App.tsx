import { useMemo, useState } from 'react';
import { BudgetBanner } from './components/BudgetBanner';
import { CategoryChart } from './components/CategoryChart';
import { ExpenseForm } from './components/ExpenseForm';
import { ExpenseTable } from './components/ExpenseTable';
import { useExpenseStore, type ExpenseState } from './store/expenseStore';
import { selectAvailableMonths, selectExpensesForMonth } from './store/selectors';
import { formatMonth, monthKey, todayIso } from './utils/currency';
import wallet from './assets/wallet.svg';

const selectAll = (state: ExpenseState) => state;

export default function App() {
  const currentMonth = monthKey(todayIso());
  const [month, setMonth] = useState(currentMonth);
  // The snapshot only changes on writes, so it is a safe memo dependency. Passing
  // the real state (instead of rebuilding { expenses, currency }) keeps selectors
  // type-safe as ExpenseState grows.
  const state = useExpenseStore(selectAll);

  const months = useMemo(() => selectAvailableMonths(state, currentMonth), [state, currentMonth]);
  const monthExpenses = useMemo(() => selectExpensesForMonth(state, month), [state, month]);

  return (
    <div className="app">
      <header className="app-header">
        <img src={wallet} alt="" width={32} height={32} />
        <h1>Expenses</h1>
        <label className="month-picker">
          <span className="visually-hidden">Month</span>
          <select value={month} onChange={(event) => setMonth(event.target.value)}>
            {months.map((key) => (
              <option key={key} value={key}>
                {formatMonth(key)}
              </option>
            ))}
          </select>
        </label>
      </header>

      <BudgetBanner month={month} />

      <main className="app-grid">
        <div className="app-grid__side">
          <ExpenseForm />
          <CategoryChart month={month} />
        </div>
        <ExpenseTable expenses={monthExpenses} />
      </main>
    </div>
  );
}
