import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { formatPurchaseOrderNumber } from '../core/document-numbers';
import { conflict, invalid, notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { normaliseInput, parse } from '../core/input';
import { jobVisibleTo, requireAdmin, requireSignedIn } from '../core/policy';
import { jobAccess } from '../jobs/access';
import { jobParts, jobs, parts, purchaseOrderLines, purchaseOrders, stockMovements } from '../schema';
import { addJobPartInput } from './inputs';
import { quantityText, signedHundredths } from './quantities';
import { reservedSql } from './sql';
import { addLine, draftForVendor } from './purchase-order-writes';
import { isNotEnoughStock, NOT_ENOUGH_STOCK } from './stock';
import type { JobPartDto } from './types';

const jobPartColumns = {
  id: jobParts.id,
  jobId: jobParts.jobId,
  partId: jobParts.partId,
  sku: parts.sku,
  description: jobParts.description,
  quantityHundredths: jobParts.quantityHundredths,
  unitPriceCents: jobParts.unitPriceCents,
  unitCostCents: jobParts.unitCostCents,
  status: jobParts.status,
  onHandHundredths: parts.onHandHundredths,
  reservedHundredths: sql<string | null>`case when ${parts.id} is null then null else ${reservedSql} end`,
  purchaseOrderId: purchaseOrders.id,
  purchaseOrderNumber: purchaseOrders.number,
  purchaseOrderExpectedAt: purchaseOrders.expectedAt,
  installedAt: jobParts.installedAt,
  createdAt: jobParts.createdAt,
};

/** The job's part lines, oldest first: everyone who may see the job. */
export async function listJobParts(actor: Actor | null, jobId: string): Promise<JobPartDto[]> {
  const signedIn = requireSignedIn(actor);
  const db = await getDb();
  await jobAccess(db, signedIn, jobId);
  return selectJobParts(db, eq(jobParts.jobId, jobId));
}

async function selectJobParts(executor: Executor, where: ReturnType<typeof eq>): Promise<JobPartDto[]> {
  const rows = await executor
    .select(jobPartColumns)
    .from(jobParts)
    .leftJoin(parts, eq(parts.id, jobParts.partId))
    // The open order line the part is on (at most one: a job part is ordered once at a time).
    .leftJoin(
      purchaseOrderLines,
      and(
        eq(purchaseOrderLines.jobPartId, jobParts.id),
        sql`${purchaseOrderLines.receivedHundredths} < ${purchaseOrderLines.quantityHundredths}`,
        sql`exists (select 1 from ${purchaseOrders} where ${purchaseOrders.id} = ${purchaseOrderLines.purchaseOrderId} and ${purchaseOrders.status} in ('draft', 'ordered', 'partially_received'))`,
      ),
    )
    .leftJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .where(where)
    .orderBy(asc(jobParts.createdAt), asc(jobParts.id));
  return rows.map((row) => ({
    id: row.id,
    jobId: row.jobId,
    partId: row.partId,
    sku: row.sku,
    description: row.description,
    quantity: quantityText(row.quantityHundredths),
    unitPriceCents: Number(row.unitPriceCents),
    unitCostCents: Number(row.unitCostCents),
    status: row.status,
    available:
      row.partId === null ? null : quantityText(Number(row.onHandHundredths) - Number(row.reservedHundredths ?? 0)),
    purchaseOrder: row.purchaseOrderId
      ? {
          id: row.purchaseOrderId,
          number: formatPurchaseOrderNumber(row.purchaseOrderNumber!),
          expectedAt: row.purchaseOrderExpectedAt,
        }
      : null,
    installedAt: row.installedAt,
    createdAt: row.createdAt,
  }));
}

/** A part the job needs (reserved from now on): from the catalogue (price and cost default from it) or free text. */
export async function addJobPart(actor: Actor | null, jobId: string, input: unknown): Promise<JobPartDto> {
  const signedIn = requireSignedIn(actor);
  const data = parse(addJobPartInput, normaliseInput(input));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const job = await jobAccess(tx, signedIn, jobId, { lock: 'share' });
    if (job.status === 'cancelled') throw conflict('A cancelled job takes no parts.');
    let description = data.description || null;
    let unitPriceCents = data.unitPriceCents;
    let unitCostCents = data.unitCostCents;
    if (data.partId) {
      const [part] = isUuid(data.partId) ? await tx.select().from(parts).where(eq(parts.id, data.partId)) : [];
      if (!part || part.archivedAt) throw invalid({ partId: ['Choose a part from the catalogue.'] });
      description ??= part.name;
      unitPriceCents ??= Number(part.unitPriceCents);
      unitCostCents ??= Number(part.unitCostCents);
    }
    const [row] = await tx
      .insert(jobParts)
      .values({
        jobId: job.id,
        partId: data.partId || null,
        description: description!,
        quantityHundredths: signedHundredths(data.quantity)!,
        unitPriceCents: unitPriceCents ?? 0,
        unitCostCents: unitCostCents ?? 0,
        addedBy: signedIn.id,
      })
      .returning({ id: jobParts.id });
    return loadJobPart(tx, row!.id);
  });
}

/** A needed stock part onto the open draft order of its default vendor (a new draft if none), linked to it. */
export async function orderJobPart(actor: Actor | null, jobPartId: string): Promise<JobPartDto> {
  const signedIn = requireSignedIn(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const jobPart = await lockJobPart(tx, signedIn, jobPartId);
    if (jobPart.status !== 'needed')
      throw conflict(`Only a needed part can be ordered; this one is ${jobPart.status}.`);
    if (!jobPart.partId)
      throw conflict('A free-text part cannot be ordered from a vendor: add it to an order by hand.');
    const [part] = await tx.select().from(parts).where(eq(parts.id, jobPart.partId));
    if (!part?.vendorId) throw conflict('This part has no default vendor: set one in the catalogue first.');
    const orderId = await draftForVendor(tx, signedIn, part.vendorId);
    await addLine(
      tx,
      orderId,
      { partId: part.id, quantity: quantityText(jobPart.quantityHundredths), jobPartId: jobPart.id },
      'jobPart',
    );
    return loadJobPart(tx, jobPart.id);
  });
}

/**
 * Fitted to the vehicle: a stock part leaves the shelf (an issue movement). The movement's trigger locks the
 * part's row, so two installs racing for the last unit queue there: one wins, the other is a conflict.
 */
export async function installJobPart(actor: Actor | null, jobPartId: string): Promise<JobPartDto> {
  const signedIn = requireSignedIn(actor);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const jobPart = await lockJobPart(tx, signedIn, jobPartId);
      if (jobPart.status !== 'needed' && jobPart.status !== 'received') {
        throw conflict(`Only a needed or received part can be installed; this one is ${jobPart.status}.`);
      }
      if (jobPart.partId) {
        await tx.insert(stockMovements).values({
          partId: jobPart.partId,
          quantityHundredths: -jobPart.quantityHundredths,
          kind: 'issue',
          jobPartId: jobPart.id,
          createdBy: signedIn.id,
        });
      }
      await tx
        .update(jobParts)
        .set({ status: 'installed', installedAt: new Date(), updatedAt: new Date() })
        .where(eq(jobParts.id, jobPart.id));
      return loadJobPart(tx, jobPart.id);
    });
  } catch (error) {
    if (isNotEnoughStock(error)) throw conflict(NOT_ENOUGH_STOCK);
    throw error;
  }
}

/** Not used after all: an installed stock part goes back on the shelf (a return movement); a needed or received one stops being reserved. */
export async function returnJobPart(actor: Actor | null, jobPartId: string): Promise<JobPartDto> {
  const signedIn = requireSignedIn(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const jobPart = await lockJobPart(tx, signedIn, jobPartId);
    if (!['needed', 'received', 'installed'].includes(jobPart.status)) {
      throw conflict(`Only a needed, received or installed part can be returned; this one is ${jobPart.status}.`);
    }
    if (jobPart.status === 'installed' && jobPart.partId) {
      await tx.insert(stockMovements).values({
        partId: jobPart.partId,
        quantityHundredths: jobPart.quantityHundredths,
        kind: 'return',
        jobPartId: jobPart.id,
        createdBy: signedIn.id,
      });
    }
    await tx.update(jobParts).set({ status: 'returned', updatedAt: new Date() }).where(eq(jobParts.id, jobPart.id));
    return loadJobPart(tx, jobPart.id);
  });
}

/** The job part, locked, if the actor may see its job ("not found" otherwise). */
async function lockJobPart(tx: Executor, actor: Actor, jobPartId: string) {
  if (!isUuid(jobPartId)) throw notFound('Job part');
  const [found] = await tx.select({ jobId: jobParts.jobId }).from(jobParts).where(eq(jobParts.id, jobPartId));
  if (!found) throw notFound('Job part');
  try {
    await jobAccess(tx, actor, found.jobId, { lock: 'share' });
  } catch {
    throw notFound('Job part');
  }
  const [row] = await tx.select().from(jobParts).where(eq(jobParts.id, jobPartId)).for('update');
  return row!;
}

async function loadJobPart(executor: Executor, id: string): Promise<JobPartDto> {
  const [row] = await selectJobParts(executor, eq(jobParts.id, id));
  if (!row) throw notFound('Job part');
  return row;
}

/** The job's installed parts, as the invoice editor starts from them. */
export async function installedPartsOfJob(executor: Executor, jobId: string) {
  return executor
    .select({
      partId: jobParts.partId,
      description: jobParts.description,
      quantityHundredths: jobParts.quantityHundredths,
      unitPriceCents: jobParts.unitPriceCents,
      unitCostCents: jobParts.unitCostCents,
    })
    .from(jobParts)
    .where(and(eq(jobParts.jobId, jobId), eq(jobParts.status, 'installed')))
    .orderBy(asc(jobParts.createdAt), asc(jobParts.id));
}

/** Parts ETA (latest expected date of the open order lines of a waiting job) and Parts arrived, per job. */
export async function partsSignals(
  executor: Executor,
  jobIds: string[],
): Promise<Map<string, { partsEta: Date | null; partsArrived: boolean }>> {
  const result = new Map<string, { partsEta: Date | null; partsArrived: boolean }>();
  if (jobIds.length === 0) return result;
  const rows = await executor
    .select({
      jobId: jobParts.jobId,
      open: sql<number>`count(*) filter (where ${jobParts.status} in ('needed', 'ordered'))::int`,
      received: sql<number>`count(*) filter (where ${jobParts.status} = 'received')::int`,
      // Written with qualified names: in a select from job_parts alone, Drizzle leaves columns unqualified.
      eta: sql<string | null>`max((select po.expected_at from purchase_order_lines pol
        join purchase_orders po on po.id = pol.purchase_order_id
        where pol.job_part_id = "job_parts"."id" and "job_parts"."status" = 'ordered'
          and po.status in ('ordered', 'partially_received') and pol.received_hundredths < pol.quantity_hundredths
        order by po.expected_at desc nulls last limit 1))::text`,
    })
    .from(jobParts)
    .where(inArray(jobParts.jobId, jobIds))
    .groupBy(jobParts.jobId);
  for (const row of rows) {
    result.set(row.jobId, {
      partsEta: row.eta ? new Date(row.eta) : null,
      partsArrived: row.open === 0 && row.received > 0,
    });
  }
  return result;
}

/** The board's and My jobs' part signals for the jobs the actor may see among `jobIds` (at most 500). */
export async function getPartsSignals(
  actor: Actor | null,
  jobIds: string[],
): Promise<Map<string, { partsEta: Date | null; partsArrived: boolean }>> {
  const signedIn = requireSignedIn(actor);
  const ids = jobIds.filter(isUuid).slice(0, 500);
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const visible = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.id, ids), jobVisibleTo(signedIn)));
  return partsSignals(
    db,
    visible.map((row) => row.id),
  );
}

/** Admin (invoicing): the job's installed parts as the invoice editor's starting part lines. */
export async function getInvoiceStartingParts(
  actor: Actor | null,
  jobId: string,
): Promise<{ partId: string | null; description: string; quantity: string; unitPriceCents: number }[]> {
  requireAdmin(actor);
  if (!isUuid(jobId)) return [];
  const rows = await installedPartsOfJob(await getDb(), jobId);
  return rows.map((row) => ({
    partId: row.partId,
    description: row.description,
    quantity: quantityText(row.quantityHundredths),
    unitPriceCents: Number(row.unitPriceCents),
  }));
}

/**
 * The unit cost an invoice part line keeps for its part: the job's installed part's (what it cost when fitted),
 * else the catalogue's. Null when the part does not exist.
 */
export async function unitCostForInvoiceLine(
  executor: Executor,
  jobId: string,
  partId: string,
): Promise<number | null> {
  if (!isUuid(partId)) return null;
  const [fitted] = await executor
    .select({ cost: jobParts.unitCostCents })
    .from(jobParts)
    .where(and(eq(jobParts.jobId, jobId), eq(jobParts.partId, partId), eq(jobParts.status, 'installed')))
    .limit(1);
  if (fitted) return Number(fitted.cost);
  const [part] = await executor.select({ cost: parts.unitCostCents }).from(parts).where(eq(parts.id, partId));
  return part ? Number(part.cost) : null;
}
