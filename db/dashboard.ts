import 'server-only';
import { sql } from 'drizzle-orm';
import type { Actor } from './core/actor';
import { getDb } from './client';
import { BOARD_CLOSED_DAYS } from './jobs';
import { requireAdmin } from './core/policy';
import { invoices, jobs, type JobStatus } from './schema';

/** The statuses a job is still open in, in the order the shop works through them. */
export const openJobStatuses = ['created', 'in_progress', 'waiting_for_parts'] as const satisfies readonly JobStatus[];
export type OpenJobStatus = (typeof openJobStatuses)[number];

export type DashboardSummaryDto = {
  /** Open jobs per status (every open status present, zero when none). */
  openJobsByStatus: Record<OpenJobStatus, number>;
  openJobs: number;
  /** Open jobs whose promised date has passed. */
  overdueJobs: number;
  /** Jobs completed in the last NOT_INVOICED_DAYS days without a live (non-void) invoice. */
  completedNotInvoiced: number;
  /** Issued invoices with nothing paid yet (and something to pay). */
  unpaidInvoices: number;
  /** Issued invoices paid in part. */
  partiallyPaidInvoices: number;
  /** Σ (total − paid) over unpaid and partially paid invoices, in cents. */
  openBalanceCents: number;
  /** When the numbers were taken (the "now" overdue is judged against). */
  asOf: Date;
};

/** "Completed, not invoiced" looks back as far as the board's closed columns do. */
export const NOT_INVOICED_DAYS = BOARD_CLOSED_DAYS;

/**
 * The owner's one-screen summary: three aggregate queries, each served by a partial index, so the cost follows
 * the open work and the last month, not the shop's whole history (the all-time "completed, not invoiced" count
 * read every job ever: 0.7 s on 100,000 jobs). Admin only.
 */
export async function getDashboardSummary(actor: Actor | null): Promise<DashboardSummaryDto> {
  requireAdmin(actor);
  const db = await getDb();
  const asOf = new Date();
  const since = new Date(asOf.getTime() - NOT_INVOICED_DAYS * 24 * 60 * 60 * 1000);
  const [[jobRow], [billRow], [invoiceRow]] = await Promise.all([
    // Open jobs: jobs_open_promised_idx (status not in completed/cancelled).
    db
      .select({
        created: sql<number>`count(*) filter (where ${jobs.status} = 'created')::int`,
        inProgress: sql<number>`count(*) filter (where ${jobs.status} = 'in_progress')::int`,
        waitingForParts: sql<number>`count(*) filter (where ${jobs.status} = 'waiting_for_parts')::int`,
        overdue: sql<number>`count(*) filter (where ${jobs.promisedAt} < ${asOf.toISOString()}::timestamptz)::int`,
      })
      .from(jobs)
      .where(sql`${jobs.status} not in ('completed', 'cancelled')`),
    // Completed lately without a live invoice: jobs_ready_to_invoice_idx holds just those jobs.
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(jobs)
      .where(
        sql`${jobs.status} = 'completed' and not ${jobs.hasLiveInvoice} and ${jobs.completedAt} >= ${since.toISOString()}::timestamptz`,
      ),
    // Invoices with something left to pay: invoices_open_balance_idx.
    db
      .select({
        unpaid: sql<number>`count(*) filter (where ${invoices.paidCents} = 0)::int`,
        partiallyPaid: sql<number>`count(*) filter (where ${invoices.paidCents} > 0)::int`,
        openBalance: sql<string>`coalesce(sum(${invoices.totalCents} - ${invoices.paidCents}), 0)::text`,
      })
      .from(invoices)
      .where(sql`${invoices.status} <> 'void' and ${invoices.paidCents} < ${invoices.totalCents}`),
  ]);

  const openJobsByStatus: Record<OpenJobStatus, number> = {
    created: Number(jobRow?.created ?? 0),
    in_progress: Number(jobRow?.inProgress ?? 0),
    waiting_for_parts: Number(jobRow?.waitingForParts ?? 0),
  };
  return {
    openJobsByStatus,
    openJobs: openJobsByStatus.created + openJobsByStatus.in_progress + openJobsByStatus.waiting_for_parts,
    overdueJobs: Number(jobRow?.overdue ?? 0),
    completedNotInvoiced: Number(billRow?.count ?? 0),
    unpaidInvoices: Number(invoiceRow?.unpaid ?? 0),
    partiallyPaidInvoices: Number(invoiceRow?.partiallyPaid ?? 0),
    openBalanceCents: Number(invoiceRow?.openBalance ?? 0),
    asOf,
  };
}
