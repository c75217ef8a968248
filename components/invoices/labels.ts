import type { InvoiceLineKind, PaymentMethod } from '@/db/schema';

export type PaymentStatus = 'unpaid' | 'partially_paid' | 'paid' | 'void';

export const paymentStatusLabels: Record<PaymentStatus, string> = {
  unpaid: 'Unpaid',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  void: 'Void',
};

export const paymentMethodLabels: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card: 'Card',
  bank_transfer: 'Bank transfer',
  other: 'Other',
};

export const lineKindLabels: Record<InvoiceLineKind, string> = {
  labor: 'Labor',
  part: 'Part',
  fee: 'Fee',
};

/** Integer cents → "120.00", the value a money input starts with. */
export function centsToDecimal(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Basis points → "8.25" (percent), for the settings form. */
export function basisPointsToPercent(basisPoints: number): string {
  return String(basisPoints / 100);
}
