// The one source of status wording: the board, badges, buttons' toasts, the data layer's refusals and the API
// document's descriptions all read these. Pure values, safe in client components.
import type {
  InvoiceLineKind,
  JobPartStatus,
  JobPriority,
  JobStatus,
  PaymentMethod,
  PurchaseOrderStatus,
  StockMovementKind,
} from '../schema';

export type PaymentStatus = 'unpaid' | 'partially_paid' | 'paid' | 'void';

/** "Waiting for parts": a status on its own (badges, columns, filters). */
export const jobStatusLabels: Record<JobStatus, string> = {
  created: 'Created',
  in_progress: 'In progress',
  waiting_for_parts: 'Waiting for parts',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** "waiting for parts": a status inside a sentence ("The job is already waiting for parts."). */
export const jobStatusWords = Object.fromEntries(
  Object.entries(jobStatusLabels).map(([status, label]) => [status, label.toLowerCase()]),
) as Record<JobStatus, string>;

/** The toast after a status change: "Job waiting for parts." */
export function jobStatusChangedMessage(status: JobStatus): string {
  return `Job ${jobStatusWords[status]}.`;
}

export const jobPriorityLabels: Record<JobPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

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

/** Estimate statuses (db/estimates), `expired` included (a sent estimate past its expiry). */
export const estimateStatusLabels: Record<
  'draft' | 'sent' | 'expired' | 'approved' | 'declined' | 'superseded',
  string
> = {
  draft: 'Draft',
  sent: 'Sent',
  expired: 'Expired',
  approved: 'Approved',
  declined: 'Declined',
  superseded: 'Superseded',
};

/** The badge on board and My jobs cards for the job's current estimate. */
export const estimateBadgeLabels = { awaiting_approval: 'Awaiting approval', approved: 'Approved' } as const;

export const authorizationChannelLabels = { link: 'By link', phone: 'By phone', in_person: 'In person' } as const;
export const purchaseOrderStatusLabels: Record<PurchaseOrderStatus, string> = {
  draft: 'Draft',
  ordered: 'Ordered',
  partially_received: 'Partially received',
  received: 'Received',
  cancelled: 'Cancelled',
};

/** "partially received": a purchase order's status inside a sentence. */
export const purchaseOrderStatusWords = Object.fromEntries(
  Object.entries(purchaseOrderStatusLabels).map(([status, label]) => [status, label.toLowerCase()]),
) as Record<PurchaseOrderStatus, string>;

export const jobPartStatusLabels: Record<JobPartStatus, string> = {
  needed: 'Needed',
  ordered: 'Ordered',
  received: 'Received',
  installed: 'Installed',
  returned: 'Returned',
};

export const stockMovementKindLabels: Record<StockMovementKind, string> = {
  receipt: 'Receipt',
  issue: 'Issue',
  return: 'Return',
  adjustment: 'Adjustment',
};
