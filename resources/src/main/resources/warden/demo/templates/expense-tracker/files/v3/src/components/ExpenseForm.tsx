import { useState, type FormEvent } from 'react';
import { CATEGORIES, expenseStore, useExpenseStore } from '../store/expenseStore';
import type { Category } from '../types';
import { formatCents, parseAmount, todayIso } from '../utils/currency';

export function ExpenseForm() {
  const [amount, setAmount] = useState('');
  const [category, setCategory] = useState<Category>('groceries');
  const [date, setDate] = useState(todayIso);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const currency = useExpenseStore((state) => state.currency);
  // Show how we read the amount, so "1.234" vs "1,234" surprises are visible before saving.
  const preview = amount.trim() ? parseAmount(amount) : null;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const amountCents = parseAmount(amount);
    if (amountCents === null) {
      setError('Enter an amount greater than 0.');
      return;
    }
    expenseStore.addExpense({ amountCents, category, date, note: note.trim() });
    setAmount('');
    setNote('');
    setError(null);
  };

  return (
    <form className="expense-form card" onSubmit={handleSubmit} noValidate>
      <h2>Add expense</h2>
      <label>
        Amount
        <input
          inputMode="decimal"
          placeholder="0.00"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? 'amount-error' : 'amount-preview'}
        />
        {preview !== null && (
          <span id="amount-preview" className="amount-preview">
            = {formatCents(preview, currency)}
          </span>
        )}
      </label>
      <label>
        Category
        <select value={category} onChange={(event) => setCategory(event.target.value as Category)}>
          {CATEGORIES.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Date
        <input type="date" value={date} max={todayIso()} onChange={(event) => setDate(event.target.value)} />
      </label>
      <label>
        Note <span className="optional">(optional)</span>
        <input value={note} maxLength={120} onChange={(event) => setNote(event.target.value)} />
      </label>
      {error && (
        <p id="amount-error" className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button-primary">
        Add
      </button>
    </form>
  );
}
