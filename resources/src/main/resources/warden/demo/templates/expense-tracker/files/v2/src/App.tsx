import { useMemo, useState } from 'react';
import { CategoryChart } from './components/CategoryChart';
import { ExpenseForm } from './components/ExpenseForm';
import { ExpenseTable } from './components/ExpenseTable';
import { useExpenseStore } from './store/expenseStore';
import { selectAvailableMonths, selectExpensesForMonth } from './store/selectors';
import { formatMonth, monthKey, todayIso } from './utils/currency';
import wallet from './assets/wallet.svg';

export default function App() {
  const currentMonth = monthKey(todayIso());
  const [month, setMonth] = useState(currentMonth);
  // Select the raw array (stable reference) and derive the rest with useMemo.
  const expenses = useExpenseStore((state) => state.expenses);
  const currency = useExpenseStore((state) => state.currency);

  const months = useMemo(
    () => selectAvailableMonths({ expenses, currency }, currentMonth),
    [expenses, currency, currentMonth],
  );
  const monthExpenses = useMemo(
    () => selectExpensesForMonth({ expenses, currency }, month),
    [expenses, currency, month],
  );

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
