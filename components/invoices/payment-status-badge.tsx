import { paymentStatusLabels, type PaymentStatus } from '@/db/core/labels';

const tones: Record<PaymentStatus, string> = {
  unpaid: 'bg-amber-100 text-amber-900',
  partially_paid: 'bg-blue-100 text-blue-900',
  paid: 'bg-green-100 text-green-900',
  void: 'bg-slate-200 text-slate-700 line-through',
};

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return (
    <span
      data-testid="payment-status"
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ${tones[status]}`}
    >
      {paymentStatusLabels[status]}
    </span>
  );
}
