// Stock quantities: up to two decimals (litres of oil), held as integer hundredths, shown as "3.00".
import { z } from 'zod';
import { formatPurchaseOrderNumber } from '../core/document-numbers';

export const MAX_STOCK_QUANTITY = 1_000_000;

/** "1.5", "-2" or 1.5 → hundredths; null when not a number with at most two decimals. */
export function signedHundredths(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(-?)(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const amount = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (amount > MAX_STOCK_QUANTITY * 100) return null;
  return match[1] ? -amount : amount;
}

/** Hundredths → "3.00", "-1.50". */
export function quantityText(hundredths: number | string): string {
  const value = Number(hundredths);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const quantityMessage = (what: string, rule: string) =>
  `${what} must be ${rule} and at most ${MAX_STOCK_QUANTITY}, with at most two decimals.`;

/** A quantity (text or number) with the given sign rule; validated here, converted with `signedHundredths`. */
export function quantityField(what: string, rule: 'positive' | 'non-negative' | 'non-zero') {
  const words = { positive: 'more than 0', 'non-negative': '0 or more', 'non-zero': 'a number other than 0' };
  return z.union([z.string(), z.number()], { error: `${what} is required.` }).refine(
    (value) => {
      const h = signedHundredths(value);
      if (h === null) return false;
      return rule === 'positive' ? h > 0 : rule === 'non-negative' ? h >= 0 : h !== 0;
    },
    quantityMessage(what, words[rule]),
  );
}

export const poNumber = formatPurchaseOrderNumber;
