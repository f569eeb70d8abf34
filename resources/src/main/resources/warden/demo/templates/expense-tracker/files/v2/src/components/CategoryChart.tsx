import { useCallback } from 'react';
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { useExpenseStore, type ExpenseState } from '../store/expenseStore';
import { selectCategoryTotals, type CategoryTotal } from '../store/selectors';
import { formatCents } from '../utils/currency';

interface CategoryChartProps {
  month: string;
}

export function CategoryChart({ month }: CategoryChartProps) {
  const selectTotals = useCallback((state: ExpenseState) => selectCategoryTotals(state, month), [month]);
  const totals = useExpenseStore(selectTotals);
  const currency = useExpenseStore((state) => state.currency);

  if (totals.length === 0) {
    return (
      <section className="card chart chart--empty">
        <h2>By category</h2>
        <p>Add an expense to see the breakdown.</p>
      </section>
    );
  }

  return (
    <section className="card chart" aria-labelledby="chart-title">
      <h2 id="chart-title">By category</h2>
      <div className="chart__canvas">
        <ResponsiveContainer width="100%" height={220}>
          <PieChart>
            <Pie
              data={totals}
              dataKey="totalCents"
              nameKey="label"
              innerRadius={60}
              outerRadius={95}
              paddingAngle={2}
              isAnimationActive={false}
            >
              {totals.map((entry) => (
                <Cell key={entry.category} fill={entry.color} />
              ))}
            </Pie>
            <Tooltip formatter={(value: number) => formatCents(value, currency)} />
          </PieChart>
        </ResponsiveContainer>
      </div>
      {/* The legend doubles as an accessible table of the same numbers. */}
      <ul className="chart__legend">
        {totals.map((entry: CategoryTotal) => (
          <li key={entry.category}>
            <span className="dot" style={{ background: entry.color }} aria-hidden="true" />
            <span className="chart__label">{entry.label}</span>
            <span className="chart__share">{Math.round(entry.share * 100)}%</span>
            <span className="chart__amount">{formatCents(entry.totalCents, currency)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
