export type Category =
  | 'groceries'
  | 'rent'
  | 'transport'
  | 'dining'
  | 'utilities'
  | 'entertainment'
  | 'health'
  | 'other';

export interface Expense {
  id: string;
  /** Integer cents. Never store money as floats. */
  amountCents: number;
  category: Category;
  note: string;
  /** Calendar date of the purchase, YYYY-MM-DD. */
  date: string;
  createdAt: number;
}

export type ExpenseDraft = Omit<Expense, 'id' | 'createdAt'>;

/** "2024-06", used to group expenses by month. */
export type MonthKey = string;
