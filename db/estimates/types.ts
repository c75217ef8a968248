// What the estimates module answers with: plain objects, integer cents, Dates for timestamps.
import type { InvoiceLineDto } from '../invoices';
import type { AuthorizationChannel, EstimateStatus } from '../schema';

/** The stored status, plus `expired`: a sent estimate past its expires_at (a read-time status, never stored). */
export type EstimateReadStatus = EstimateStatus | 'expired';
export const estimateReadStatuses = ['draft', 'sent', 'expired', 'approved', 'declined', 'superseded'] as const;

/** An invoice line's fields (`lineTotalCents` is quantity × unit price, before tax), plus its total with tax. */
export type EstimateLineDto = InvoiceLineDto & {
  /** Line total with its tax. */
  totalCents: number;
  /** A labor line's technician (one of the job's assignees), or null. */
  technicianId: string | null;
};

export type AuthorizationDto = {
  id: string;
  estimateId: string;
  channel: AuthorizationChannel;
  authorizedBy: string;
  approvedLineIds: string[];
  approvedTotalCents: number;
  note: string | null;
  /** Staff who recorded a phone or in-person answer; null for the customer's own answer by link. */
  recordedBy: { id: string; name: string } | null;
  createdAt: Date;
};

export type EstimateDto = {
  id: string;
  jobId: string;
  version: number;
  status: EstimateReadStatus;
  currency: string;
  lines: EstimateLineDto[];
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  approvedTotalCents: number | null;
  notes: string | null;
  validDays: number;
  sentAt: Date | null;
  expiresAt: Date | null;
  createdAt: Date;
  authorizations: AuthorizationDto[];
};

export type SentEstimateDto = { estimate: EstimateDto; approvalUrl: string; expiresAt: Date };

/** What the customer sees through the link: this estimate, the shop, the vehicle and the complaint only. */
export type PublicEstimateDto = {
  status: EstimateReadStatus;
  version: number;
  currency: string;
  locale: string;
  shop: { name: string; address: string | null; phone: string | null };
  terms: string | null;
  vehicle: { make: string; model: string; year: number | null; plate: string | null };
  complaint: string;
  lines: Omit<EstimateLineDto, 'position' | 'taxRateBasisPoints' | 'technicianId'>[];
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  approvedTotalCents: number | null;
  expiresAt: Date | null;
  answer: { approvedLineIds: string[]; authorizedBy: string; createdAt: Date } | null;
};

/** The badge the board and My jobs cards show for a job's current estimate. */
export type EstimateBadge = 'awaiting_approval' | 'approved' | null;
