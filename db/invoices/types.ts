// What the invoices module answers with: plain objects, integer cents, Dates for timestamps.
import type { InvoiceLineKind, JobStatus, PaymentMethod } from '../schema';

export const paymentStatuses = ['unpaid', 'partially_paid', 'paid', 'void'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export type InvoiceLineDto = {
  id: string;
  position: number;
  kind: InvoiceLineKind;
  description: string;
  /** Decimal text with two places ("1.50"). */
  quantity: string;
  unitPriceCents: number;
  taxRateBasisPoints: number;
  lineTotalCents: number;
  taxCents: number;
  /** A labor line's technician (one of the job's assignees), or null. */
  technicianId: string | null;
};

export type PaymentDto = {
  id: string;
  amountCents: number;
  method: PaymentMethod;
  receivedAt: Date;
  recordedBy: { id: string; name: string };
  createdAt: Date;
};

/** An issued invoice's job, vehicle and customer are as they were at issue (its copy), not as they are now. */
export type InvoiceSummaryDto = {
  id: string;
  number: string;
  status: 'issued' | 'void';
  paymentStatus: PaymentStatus;
  currency: string;
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  paidCents: number;
  /** What is still owed; 0 for a void invoice. */
  balanceCents: number;
  issuedAt: Date;
  job: { id: string; number: string; title: string };
  vehicle: { id: string; make: string; model: string; year: number | null; plate: string | null; vin: string | null };
  customer: { id: string; name: string; company: string | null };
};

export type InvoiceDto = InvoiceSummaryDto & {
  year: number;
  sequence: number;
  lineCount: number;
  issuedBy: { id: string; name: string };
  voidedAt: Date | null;
  voidedBy: { id: string; name: string } | null;
  voidReason: string | null;
  customer: InvoiceSummaryDto['customer'] & { phone: string | null; email: string | null; address: string | null };
  vehicle: InvoiceSummaryDto['vehicle'] & { color: string | null; odometer: number | null };
  /** The bill-to block as printed: the customer's details copied at issue. */
  billTo: { name: string; company: string | null; address: string | null; phone: string | null; email: string | null };
  lines: InvoiceLineDto[];
  payments: PaymentDto[];
};

export type InvoiceableJobDto = {
  id: string;
  number: string;
  title: string;
  status: JobStatus;
  completedAt: Date | null;
  vehicle: InvoiceSummaryDto['vehicle'];
  customer: InvoiceSummaryDto['customer'];
  /** The job's live (not void) invoice, if it has one. */
  liveInvoice: { id: string; number: string } | null;
};

export type ReadyToInvoiceJobDto = Omit<InvoiceableJobDto, 'liveInvoice' | 'status'> & { completedAt: Date };
