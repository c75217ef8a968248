// Display formatting shared by every screen. Money arrives in integer cents; the currency and locale come from
// the shop settings (getShopSettings).
import type { JobPriority, JobStatus } from '@/db/schema';

export type Locale = { currency: string; locale: string };

export function formatMoney(cents: number, { currency, locale }: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

export function formatDate(date: Date | string | null | undefined, locale = 'en-US'): string {
  if (!date) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(date));
}

export function formatDateTime(date: Date | string | null | undefined, locale = 'en-US'): string {
  if (!date) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(date));
}

export const jobStatusLabels: Record<JobStatus, string> = {
  created: 'Created',
  in_progress: 'In progress',
  waiting_for_parts: 'Waiting for parts',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const jobPriorityLabels: Record<JobPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export { formatInvoiceNumber, formatJobNumber } from '@/db/money';
