// Display formatting shared by every screen. Money arrives in integer cents; the currency and locale come from
// the shop settings (getShopSettings).

export type Locale = { currency: string; locale: string };

// Building an Intl formatter costs far more than using one (a list of 100 dates spent most of its render time
// constructing them), so each (locale, style) formatter is made once and kept. Locales come from the shop
// settings: a handful per process.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make();
    if (formatters.size > 200) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A plain number formatter for the locale (odometer readings, counts). */
export function numberFormat(locale: string): Intl.NumberFormat {
  return cached(`number|${locale}`, () => new Intl.NumberFormat(locale));
}

export function formatMoney(cents: number, { currency, locale }: Locale): string {
  return cached(
    `money|${locale}|${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  ).format(cents / 100);
}

/** A Date stays itself: under Next every `new Date(…)` goes through its Date wrapper (a list formats hundreds). */
const asDate = (date: Date | string) => (typeof date === 'string' ? new Date(date) : date);

/** A date formatter in the shop locale: "—" for no date. */
function dateFormatter(style: string, options: Intl.DateTimeFormatOptions) {
  return (date: Date | string | null | undefined, locale = 'en-US'): string =>
    date ? cached(`${style}|${locale}`, () => new Intl.DateTimeFormat(locale, options)).format(asDate(date)) : '—';
}

export const formatDate = dateFormatter('date', { dateStyle: 'medium', timeZone: 'UTC' });

export const formatDateTime = dateFormatter('datetime', { dateStyle: 'medium', timeStyle: 'short' });

export { formatInvoiceNumber, formatJobNumber } from '@/db/core/document-numbers';

/** Integer cents → "120.00", the value a money input starts with. */
export function centsToDecimal(cents: number): string {
  return (cents / 100).toFixed(2);
}
