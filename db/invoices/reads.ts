import 'server-only';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { decodeCursor, keysetPage, type Page } from '../core/cursor';
import { formatJobNumber } from '../core/document-numbers';
import { isUuid } from '../core/ids';
import { parse } from '../core/input';
import { notFound } from '../core/errors';
import { requireAdmin } from '../core/policy';
import { selectJobsWithCustomer } from '../jobs';
import { invoices, jobs } from '../schema';
import { listInvoicesInput, listJobsReadyToInvoiceInput } from './inputs';
import {
  balanceCondition,
  loadInvoice,
  paymentStatusCondition,
  summaryColumns,
  toSummary,
  vehicleAndCustomerOf,
  vehicleCustomerColumns,
  type VehicleCustomerRow,
} from './sql';
import type { InvoiceableJobDto, InvoiceDto, InvoiceSummaryDto, ReadyToInvoiceJobDto } from './types';

/** Invoices, newest first (issued_at desc, id desc), keyset-paginated, filtered by payment status and balance. */
export async function listInvoices(
  actor: Actor | null,
  input: z.input<typeof listInvoicesInput> = {},
): Promise<Page<InvoiceSummaryDto>> {
  requireAdmin(actor);
  const { paymentStatus, balance, limit, cursor } = parse(listInvoicesInput, input);
  const after = cursor ? decodeCursor(cursor, ['timestamp', 'uuid']) : null;
  const db = await getDb();
  const rows = await db
    .select({ ...summaryColumns, issuedAtKey: sql<string>`${invoices.issuedAt}::text` })
    .from(invoices)
    .innerJoin(jobs, eq(jobs.id, invoices.jobId))
    .where(
      and(
        paymentStatus ? paymentStatusCondition[paymentStatus] : undefined,
        balance ? balanceCondition[balance] : undefined,
        after ? sql`(${invoices.issuedAt}, ${invoices.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(invoices.issuedAt), desc(invoices.id))
    .limit(limit + 1);
  return keysetPage(rows, limit, (last) => [last.issuedAtKey, last.id], toSummary);
}

/** One invoice with its lines, payments, job, vehicle and customer. */
export async function getInvoice(actor: Actor | null, id: string): Promise<InvoiceDto> {
  requireAdmin(actor);
  if (!isUuid(id)) throw notFound('Invoice');
  return loadInvoice(id);
}

/** The job, vehicle and customer columns both invoice-to-be views select (jobs ⋈ vehicles ⋈ customers). */
const jobToInvoiceColumns = {
  id: jobs.id,
  number: jobs.number,
  title: jobs.title,
  completedAt: jobs.completedAt,
  ...vehicleCustomerColumns,
};

function toJobToInvoice(row: { id: string; number: number; title: string } & VehicleCustomerRow) {
  return { id: row.id, number: formatJobNumber(row.number), title: row.title, ...vehicleAndCustomerOf(row) };
}

/** A job as the new-invoice page needs it: what is being invoiced, and whether it can be. */
export async function getInvoiceableJob(actor: Actor | null, jobId: string): Promise<InvoiceableJobDto> {
  requireAdmin(actor);
  if (!isUuid(jobId)) throw notFound('Job');
  const db = await getDb();
  const [row] = await selectJobsWithCustomer(db, {
    ...jobToInvoiceColumns,
    status: jobs.status,
    liveInvoiceId: invoices.id,
    liveInvoiceNumber: invoices.number,
  })
    .leftJoin(invoices, and(eq(invoices.jobId, jobs.id), ne(invoices.status, 'void')))
    .where(eq(jobs.id, jobId));
  if (!row) throw notFound('Job');
  return {
    ...toJobToInvoice(row),
    status: row.status,
    completedAt: row.completedAt,
    liveInvoice:
      row.liveInvoiceId && row.liveInvoiceNumber ? { id: row.liveInvoiceId, number: row.liveInvoiceNumber } : null,
  };
}

/** Completed jobs without a live invoice, most recently completed first (keyset-paginated). */
export async function listJobsReadyToInvoice(
  actor: Actor | null,
  input: z.input<typeof listJobsReadyToInvoiceInput> = {},
): Promise<Page<ReadyToInvoiceJobDto>> {
  requireAdmin(actor);
  const { limit, cursor } = parse(listJobsReadyToInvoiceInput, input);
  const after = cursor ? decodeCursor(cursor, ['timestamp', 'uuid']) : null;
  const db = await getDb();
  const rows = await selectJobsWithCustomer(db, {
    ...jobToInvoiceColumns,
    completedAtKey: sql<string>`${jobs.completedAt}::text`,
  })
    .where(
      and(
        // jobs_ready_to_invoice_idx: only the jobs still to invoice, however many were invoiced before them.
        eq(jobs.status, 'completed'),
        sql`not ${jobs.hasLiveInvoice}`,
        after ? sql`(${jobs.completedAt}, ${jobs.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(jobs.completedAt), desc(jobs.id))
    .limit(limit + 1);
  return keysetPage(
    rows,
    limit,
    (last) => [last.completedAtKey, last.id],
    (row) => ({ ...toJobToInvoice(row), completedAt: row.completedAt! }),
  );
}
