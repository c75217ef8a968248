import 'server-only';
import { sql } from 'drizzle-orm';
import type { Actor } from './actor';
import { getDb } from './client';
import { requireAdmin } from './policy';
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
  /** Completed jobs without a live (non-void) invoice. */
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

/**
 * The owner's one-screen summary: two aggregate queries (jobs, invoices), whatever the size of the shop.
 * Admin only.
 */
export async function getDashboardSummary(actor: Actor | null): Promise<DashboardSummaryDto> {
  requireAdmin(actor);
  const db = await getDb();
  const asOf = new Date();
  const open = sql`${jobs.status} in ('created', 'in_progress', 'waiting_for_parts')`;
  const [jobRow] = await db
    .select({
      created: sql<number>`count(*) filter (where ${jobs.status} = 'created')::int`,
      inProgress: sql<number>`count(*) filter (where ${jobs.status} = 'in_progress')::int`,
      waitingForParts: sql<number>`count(*) filter (where ${jobs.status} = 'waiting_for_parts')::int`,
      overdue: sql<number>`count(*) filter (where ${open} and ${jobs.promisedAt} < ${asOf.toISOString()}::timestamptz)::int`,
      // Qualified by hand: inside a select list Drizzle writes bare column names, which the subquery would
      // resolve against its own table.
      completedNotInvoiced: sql<number>`count(*) filter (where "jobs"."status" = 'completed' and not exists (
        select 1 from "invoices" "live" where "live"."job_id" = "jobs"."id" and "live"."status" <> 'void'))::int`,
    })
    .from(jobs);
  const [invoiceRow] = await db
    .select({
      unpaid: sql<number>`count(*) filter (where ${invoices.paidCents} = 0)::int`,
      partiallyPaid: sql<number>`count(*) filter (where ${invoices.paidCents} > 0)::int`,
      openBalance: sql<string>`coalesce(sum(${invoices.totalCents} - ${invoices.paidCents}), 0)::text`,
    })
    .from(invoices)
    .where(sql`${invoices.status} = 'issued' and ${invoices.paidCents} < ${invoices.totalCents}`);

  const openJobsByStatus: Record<OpenJobStatus, number> = {
    created: Number(jobRow?.created ?? 0),
    in_progress: Number(jobRow?.inProgress ?? 0),
    waiting_for_parts: Number(jobRow?.waitingForParts ?? 0),
  };
  return {
    openJobsByStatus,
    openJobs: openJobsByStatus.created + openJobsByStatus.in_progress + openJobsByStatus.waiting_for_parts,
    overdueJobs: Number(jobRow?.overdue ?? 0),
    completedNotInvoiced: Number(jobRow?.completedNotInvoiced ?? 0),
    unpaidInvoices: Number(invoiceRow?.unpaid ?? 0),
    partiallyPaidInvoices: Number(invoiceRow?.partiallyPaid ?? 0),
    openBalanceCents: Number(invoiceRow?.openBalance ?? 0),
    asOf,
  };
}
