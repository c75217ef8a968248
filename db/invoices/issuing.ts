// Issuing an invoice for a completed job (priced lines, the year's next gapless number) and voiding one.
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { unitCostForInvoiceLine } from '../parts';
import { conflict, invalid, isCheckViolation, isUniqueViolation, notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { parse } from '../core/input';
import { hundredthsToQuantity, priceLines, quantityToHundredths } from '../money';
import { requireAdmin } from '../core/policy';
import { selectJobsWithCustomer } from '../jobs';
import { invoiceCounters, invoiceLines, invoices, jobAssignments, jobs, type InvoiceLineKind } from '../schema';
import { getShopSettings, type ShopSettingsDto } from '../settings';
import { assertInvoiceAuthorized } from '../estimates/invoicing';
import { invoiceLineInput, issueInvoiceInput, voidInvoiceInput } from './inputs';
import { documentCopyColumns, invoiceNumberSql, loadInvoice } from './sql';
import type { InvoiceDto } from './types';

const notCompleted = () => conflict('Only a completed job can be invoiced');
const alreadyInvoiced = () => conflict('This job already has an invoice');

/**
 * Issues the invoice of a completed job: prices every line with the shop's tax rate for its kind, takes the
 * next gapless number of the (UTC) year and writes the invoice and its lines in one transaction. A job with a
 * live invoice is refused (and the database's unique index refuses a concurrent second one).
 */
export async function issueInvoice(actor: Actor | null, jobId: string, input: unknown): Promise<InvoiceDto> {
  const admin = requireAdmin(actor);
  if (!isUuid(jobId)) throw notFound('Job');
  const data = parse(issueInvoiceInput, input);
  const settings = await getShopSettings(admin);
  const lines = data.lines.map((line) => ({
    kind: line.kind,
    description: line.description,
    quantityHundredths: quantityToHundredths(line.quantity)!,
    unitPriceCents: unitPriceOf(line, settings),
    taxBasisPoints: taxRateFor(line.kind, settings),
    partId: line.kind === 'part' && line.partId ? line.partId : null,
    technicianId: technicianOfLine(line),
  }));
  const priced = priceLines(lines);

  const db = await getDb();
  try {
    const invoiceId = await db.transaction(async (tx) => {
      // The job row lock makes concurrent issues for one job wait for each other; the loser sees the invoice
      // (has_live_invoice is set on the job's row by the winner's insert, so the row it waited for says so).
      const [job] = await selectJobsWithCustomer(tx, {
        status: jobs.status,
        hasLiveInvoice: jobs.hasLiveInvoice,
        copy: documentCopyColumns,
      })
        .where(eq(jobs.id, jobId))
        .for('update', { of: jobs });
      if (!job) throw notFound('Job');
      if (job.status !== 'completed') throw notCompleted();
      if (job.hasLiveInvoice) throw alreadyInvoiced();
      await assertInvoiceAuthorized(tx, jobId, priced.totalCents, settings);
      const unitCosts = await partLineCosts(tx, jobId, lines);
      await assertTechniciansAssigned(tx, jobId, lines);

      // The year's next number, the invoice and its lines in one statement: the counter row's lock (which keeps
      // the numbers gapless) is held from here to the commit, so nothing else runs in between. The lines'
      // totals are checked against the invoice at commit.
      const year = new Date().getUTCFullYear();
      const counter = tx.$with('counter').as(
        tx
          .insert(invoiceCounters)
          .values({ year, lastNumber: 1 })
          .onConflictDoUpdate({
            target: invoiceCounters.year,
            set: { lastNumber: sql`${invoiceCounters.lastNumber} + 1` },
          })
          .returning({ sequence: invoiceCounters.lastNumber }),
      );
      const sequence = sql<number>`(select ${counter.sequence} from ${counter})`;
      const invoice = tx.$with('invoice').as(
        tx
          .insert(invoices)
          .values({
            jobId,
            number: invoiceNumberSql(year, sequence),
            year,
            sequence,
            currency: settings.currency,
            lineCount: priced.lines.length,
            subtotalCents: priced.subtotalCents,
            taxCents: priced.taxCents,
            totalCents: priced.totalCents,
            issuedBy: admin.id,
            // The bill-to, vehicle and job as they are now, frozen with the invoice.
            ...job.copy,
          })
          .returning({ id: invoices.id }),
      );
      const inserted = await tx
        .with(counter, invoice)
        .insert(invoiceLines)
        .values(
          priced.lines.map((line, index) => ({
            invoiceId: sql`(select ${invoice.id} from ${invoice})`,
            position: index + 1,
            kind: lines[index]!.kind,
            description: lines[index]!.description,
            quantity: hundredthsToQuantity(line.quantityHundredths),
            unitPriceCents: line.unitPriceCents,
            taxRateBasisPoints: line.taxBasisPoints,
            lineTotalCents: line.lineTotalCents,
            taxCents: line.taxCents,
            partId: lines[index]!.partId,
            unitCostCents: unitCosts[index] ?? null,
            technicianId: lines[index]!.technicianId,
          })),
        )
        .returning({ invoiceId: invoiceLines.invoiceId });
      return inserted[0]!.invoiceId;
    });
    return await loadInvoice(invoiceId);
  } catch (error) {
    if (isUniqueViolation(error, 'invoices_job_live_key')) throw alreadyInvoiced();
    if (isCheckViolation(error, 'invoices_job_completed')) throw notCompleted();
    throw error;
  }
}

/** Voids an issued invoice (a reason is required); the job is then free for a new invoice. */
export async function voidInvoice(actor: Actor | null, invoiceId: string, input: unknown): Promise<InvoiceDto> {
  const admin = requireAdmin(actor);
  if (!isUuid(invoiceId)) throw notFound('Invoice');
  const { reason } = parse(voidInvoiceInput, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [invoice] = await tx
      .select({ status: invoices.status })
      .from(invoices)
      .where(eq(invoices.id, invoiceId))
      .for('update');
    if (!invoice) throw notFound('Invoice');
    if (invoice.status === 'void') throw conflict('This invoice is already void.');
    await tx
      .update(invoices)
      .set({ status: 'void', voidedAt: new Date(), voidedBy: admin.id, voidReason: reason })
      .where(eq(invoices.id, invoiceId));
  });
  return loadInvoice(invoiceId);
}

/** Each part line's unit cost (null for other lines); a part that does not exist is the line's field error. */
async function partLineCosts(tx: Executor, jobId: string, lines: { partId: string | null }[]) {
  const costs: (number | null)[] = [];
  for (const [index, line] of lines.entries()) {
    if (!line.partId) {
      costs.push(null);
      continue;
    }
    const cost = await unitCostForInvoiceLine(tx, jobId, line.partId);
    if (cost === null) throw invalid({ [`lines.${index}.partId`]: ['Choose a part from the catalogue.'] });
    costs.push(cost);
  }
  return costs;
}

/** The job's current assignees: who a labor line may name. */
export async function currentAssigneeIds(tx: Executor, jobId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ workerId: jobAssignments.workerId })
    .from(jobAssignments)
    .where(and(eq(jobAssignments.jobId, jobId), isNull(jobAssignments.unassignedAt)));
  return new Set(rows.map((row) => row.workerId));
}

/** A labor line's technician (other kinds name nobody). */
export function technicianOfLine(line: { kind: InvoiceLineKind; technicianId?: string | null }): string | null {
  return line.kind === 'labor' && line.technicianId ? line.technicianId : null;
}

/** Every line's technician must be one of the job's current assignees: a field error on the line otherwise. */
export async function assertTechniciansAssigned(
  tx: Executor,
  jobId: string,
  lines: { technicianId: string | null }[],
): Promise<void> {
  const named = lines.some((line) => line.technicianId);
  if (!named) return;
  const assigned = await currentAssigneeIds(tx, jobId);
  const fieldErrors: Record<string, string[]> = {};
  lines.forEach((line, index) => {
    if (line.technicianId && !(isUuid(line.technicianId) && assigned.has(line.technicianId)))
      fieldErrors[`lines.${index}.technicianId`] = ['Choose one of the technicians assigned to this job.'];
  });
  if (Object.keys(fieldErrors).length > 0) throw invalid(fieldErrors);
}

function unitPriceOf(line: z.infer<typeof invoiceLineInput>, settings: ShopSettingsDto): number {
  if (line.unitPriceCents !== undefined) return line.unitPriceCents;
  if (line.kind === 'labor') return settings.laborRateCents;
  return 0;
}

export function taxRateFor(
  kind: InvoiceLineKind,
  settings: Pick<ShopSettingsDto, 'laborTaxBasisPoints' | 'partTaxBasisPoints' | 'feeTaxBasisPoints'>,
): number {
  if (kind === 'labor') return settings.laborTaxBasisPoints;
  if (kind === 'part') return settings.partTaxBasisPoints;
  return settings.feeTaxBasisPoints;
}
