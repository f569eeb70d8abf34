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

/**
 * "12.50", "12,50", "1.234,56", "1,234.56" and "€ 12" -> cents. Returns null for
 * anything that isn't a positive amount. parseFloat("12,50") used to give 12.
 */
export function parseAmount(input: string): number | null {
  const cleaned = input.replace(/[^\d.,-]/g, '');
  if (!cleaned || cleaned.includes('-')) return null;

  // The last separator is the decimal one if at most two digits follow it;
  // otherwise every separator is a thousands separator ("1,234" -> 1234).
  const decimalIndex = Math.max(cleaned.lastIndexOf(','), cleaned.lastIndexOf('.'));
  const isDecimal = decimalIndex >= 0 && cleaned.length - decimalIndex - 1 <= 2;
  const normalized = isDecimal
    ? `${cleaned.slice(0, decimalIndex).replace(/[.,]/g, '')}.${cleaned.slice(decimalIndex + 1)}`
    : cleaned.replace(/[.,]/g, '');

  const value = Number(normalized);
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
