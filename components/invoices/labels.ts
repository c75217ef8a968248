export { lineKindLabels, paymentMethodLabels, paymentStatusLabels, type PaymentStatus } from '@/db/core/labels';

/** Integer cents → "120.00", the value a money input starts with. */
export function centsToDecimal(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Basis points → "8.25" (percent), for the settings form. */
export function basisPointsToPercent(basisPoints: number): string {
  return String(basisPoints / 100);
}
