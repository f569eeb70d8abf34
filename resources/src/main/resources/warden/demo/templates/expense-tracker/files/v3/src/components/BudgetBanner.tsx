import { useCallback, useState, type FormEvent } from 'react';
import { expenseStore, useExpenseStore, type ExpenseState } from '../store/expenseStore';
import { selectBudgetStatus } from '../store/selectors';
import { formatCents, parseAmount } from '../utils/currency';

interface BudgetBannerProps {
  month: string;
}

export function BudgetBanner({ month }: BudgetBannerProps) {
  const selectStatus = useCallback((state: ExpenseState) => selectBudgetStatus(state, month), [month]);
  const status = useExpenseStore(selectStatus);
  const currency = useExpenseStore((state) => state.currency);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cents = draft.trim() ? parseAmount(draft) : null;
    expenseStore.setMonthlyBudget(cents);
    setEditing(false);
  };

  if (editing || !status) {
    return (
      <form className="budget" onSubmit={save}>
        <p className="budget__text">{status ? 'Change your monthly budget' : 'No monthly budget set.'}</p>
        <div className="budget__form">
          <input
            inputMode="decimal"
            placeholder="e.g. 1500"
            aria-label="Monthly budget"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button-primary">
            {draft.trim() ? 'Save budget' : status ? 'Remove budget' : 'Set budget'}
          </button>
        </div>
      </form>
    );
  }

  const since = status.overSince
    ? new Date(`${status.overSince}T00:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'long' })
    : null;

  return (
    <section className={`budget budget--${status.level}`} aria-live="polite">
      <p className="budget__text">
        {status.level === 'over' ? (
          <>
            <strong>Over budget by {formatCents(-status.remainingCents, currency)}</strong>
            {since && ` since ${since}`}.
          </>
        ) : (
          <>
            {formatCents(status.spentCents, currency)} of {formatCents(status.budgetCents, currency)} spent,{' '}
            <strong>{formatCents(status.remainingCents, currency)} left</strong>.
          </>
        )}
      </p>
      <button type="button" className="link-danger" onClick={() => { setDraft(String(status.budgetCents / 100)); setEditing(true); }}>
        Edit budget
      </button>
      <div className="budget__bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(Math.min(status.ratio, 1) * 100)}>
        <span style={{ width: `${Math.min(status.ratio, 1) * 100}%` }} />
      </div>
    </section>
  );
}
