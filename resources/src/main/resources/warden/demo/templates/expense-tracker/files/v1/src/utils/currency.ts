import type { MonthKey } from '../types';

const formatters = new Map<string, Intl.NumberFormat>();

export function formatCents(cents: number, currency = 'EUR'): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(cents / 100);
}

/** "12.50" -> 1250. Returns null for anything that isn't a positive amount. */
export function parseAmount(input: string): number | null {
  const value = parseFloat(input);
  if (!Number.isFinite(value) || value <= 0) return null;
  return Math.round(value * 100);
}

export function monthKey(isoDate: string): MonthKey {
  return isoDate.slice(0, 7);
}

export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function formatMonth(key: MonthKey): string {
  const [year, month] = key.split('-').map(Number);
  return new Date(year, month - 1, 1).toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
}
