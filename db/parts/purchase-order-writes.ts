import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { conflict, invalid, notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { normaliseInput, parse } from '../core/input';
import { purchaseOrderStatusWords } from '../core/labels';
import { requireAdmin, requireSignedIn } from '../core/policy';
import {
  jobParts,
  parts,
  purchaseOrderCounter,
  purchaseOrderLines,
  purchaseOrders,
  stockMovements,
  vendors,
  type PurchaseOrderStatus,
} from '../schema';
import {
  createPurchaseOrderInput,
  receivePurchaseOrderInput,
  updatePurchaseOrderInput,
  type purchaseOrderLineInput,
} from './inputs';
import { loadPurchaseOrder } from './purchase-order-reads';
import { quantityText, signedHundredths } from './quantities';
import type { PurchaseOrderDto } from './types';
import type { z } from 'zod';

type LineInput = z.infer<typeof purchaseOrderLineInput>;

/** Admin: a draft order for a vendor with its lines; its number is drawn gapless (PO-000123). */
export async function createPurchaseOrder(actor: Actor | null, input: unknown): Promise<PurchaseOrderDto> {
  const admin = requireAdmin(actor);
  const data = parse(createPurchaseOrderInput, normaliseInput(input));
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockVendor(tx, data.vendorId, 'vendorId');
    const id = await insertDraft(tx, admin, data.vendorId, { expectedAt: data.expectedAt, notes: data.notes });
    for (const [index, line] of data.lines.entries()) await addLine(tx, id, line, `lines.${index}`);
    return loadPurchaseOrder(tx, id);
  });
}

/** Admin, draft only: vendor, expected date and notes; `lines`, when sent, are added to the order's lines. */
export async function updatePurchaseOrder(actor: Actor | null, id: string, input: unknown): Promise<PurchaseOrderDto> {
  requireAdmin(actor);
  const data = parse(updatePurchaseOrderInput, normaliseInput(input));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, id);
    if (order.status !== 'draft') throw conflict('Only a draft purchase order can be changed.');
    const changes: Partial<typeof purchaseOrders.$inferInsert> = { updatedAt: new Date() };
    if (data.vendorId !== undefined) {
      await lockVendor(tx, data.vendorId, 'vendorId');
      changes.vendorId = data.vendorId;
    }
    if (data.expectedAt !== undefined) changes.expectedAt = data.expectedAt;
    if (data.notes !== undefined) changes.notes = data.notes || null;
    await tx.update(purchaseOrders).set(changes).where(eq(purchaseOrders.id, order.id));
    for (const [index, line] of (data.lines ?? []).entries()) await addLine(tx, order.id, line, `lines.${index}`);
    return loadPurchaseOrder(tx, order.id);
  });
}

/** Admin: draft → ordered (sent to the vendor; its lines now count as on order). */
export async function orderPurchaseOrder(actor: Actor | null, id: string): Promise<PurchaseOrderDto> {
  requireAdmin(actor);
  return moveOrder(id, ['draft'], 'ordered');
}

/** Admin: from draft or ordered with nothing received; its job parts go back to needed. */
export async function cancelPurchaseOrder(actor: Actor | null, id: string): Promise<PurchaseOrderDto> {
  requireAdmin(actor);
  return moveOrder(id, ['draft', 'ordered'], 'cancelled');
}

async function moveOrder(id: string, from: PurchaseOrderStatus[], to: PurchaseOrderStatus): Promise<PurchaseOrderDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, id);
    if (!from.includes(order.status)) {
      throw conflict(
        `A purchase order cannot go from ${purchaseOrderStatusWords[order.status]} to ${purchaseOrderStatusWords[to]}.`,
      );
    }
    const now = new Date();
    await tx
      .update(purchaseOrders)
      .set({
        status: to,
        updatedAt: now,
        ...(to === 'ordered' ? { orderedAt: now } : {}),
        ...(to === 'cancelled' ? { cancelledAt: now } : {}),
      })
      .where(eq(purchaseOrders.id, order.id));
    if (to === 'cancelled') {
      await tx
        .update(jobParts)
        .set({ status: 'needed', updatedAt: now })
        .where(
          and(
            eq(jobParts.status, 'ordered'),
            inArray(
              jobParts.id,
              tx
                .select({ id: sql<string>`${purchaseOrderLines.jobPartId}` })
                .from(purchaseOrderLines)
                .where(eq(purchaseOrderLines.purchaseOrderId, order.id)),
            ),
          ),
        );
    }
    return loadPurchaseOrder(tx, order.id);
  });
}

/**
 * Anyone signed in receives a delivery: the received quantity per line (0 for a line not in this delivery).
 * One transaction: each line's received quantity, a receipt movement per stock line, the linked job part marked
 * received once its line is complete, and the order's status. More than is outstanding is a conflict.
 */
export async function receivePurchaseOrder(actor: Actor | null, id: string, input: unknown): Promise<PurchaseOrderDto> {
  const signedIn = requireSignedIn(actor);
  const data = parse(receivePurchaseOrderInput, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, id);
    if (order.status !== 'ordered' && order.status !== 'partially_received') {
      throw conflict(`A ${purchaseOrderStatusWords[order.status]} purchase order cannot be received.`);
    }
    const lines = await tx
      .select()
      .from(purchaseOrderLines)
      .where(eq(purchaseOrderLines.purchaseOrderId, order.id))
      .for('update');
    const byId = new Map(lines.map((line) => [line.id, line]));
    const seen = new Set<string>();
    for (const [index, entry] of data.lines.entries()) {
      const line = byId.get(entry.lineId);
      if (!line || seen.has(line.id)) throw invalid({ [`lines.${index}.lineId`]: ['Not a line of this order.'] });
      seen.add(line.id);
      const quantity = signedHundredths(entry.quantity)!;
      if (quantity === 0) continue;
      const outstanding = line.quantityHundredths - line.receivedHundredths;
      if (quantity > outstanding) {
        const message = `Only ${quantityText(outstanding)} of this line is outstanding.`;
        throw conflict(message, { [`lines.${index}.quantity`]: [message] });
      }
      const received = line.receivedHundredths + quantity;
      line.receivedHundredths = received;
      await tx
        .update(purchaseOrderLines)
        .set({ receivedHundredths: received })
        .where(eq(purchaseOrderLines.id, line.id));
      if (line.partId) {
        await tx.insert(stockMovements).values({
          partId: line.partId,
          quantityHundredths: quantity,
          kind: 'receipt',
          purchaseOrderLineId: line.id,
          createdBy: signedIn.id,
        });
      }
      if (line.jobPartId && received === line.quantityHundredths) {
        await tx
          .update(jobParts)
          .set({ status: 'received', updatedAt: new Date() })
          .where(and(eq(jobParts.id, line.jobPartId), eq(jobParts.status, 'ordered')));
      }
    }
    const complete = lines.every((line) => line.receivedHundredths === line.quantityHundredths);
    const any = lines.some((line) => line.receivedHundredths > 0);
    const status: PurchaseOrderStatus = complete ? 'received' : any ? 'partially_received' : order.status;
    if (status !== order.status) {
      await tx.update(purchaseOrders).set({ status, updatedAt: new Date() }).where(eq(purchaseOrders.id, order.id));
    }
    return loadPurchaseOrder(tx, order.id);
  });
}

// ------------------------------------------------------------------------------------------ helpers

/** The vendor's open draft, or a new one; the vendor row's lock keeps two callers from opening two drafts. */
export async function draftForVendor(tx: Executor, actor: Actor, vendorId: string): Promise<string> {
  await lockVendor(tx, vendorId, 'vendorId');
  const [draft] = await tx
    .select({ id: purchaseOrders.id })
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.vendorId, vendorId), eq(purchaseOrders.status, 'draft')))
    .orderBy(desc(purchaseOrders.createdAt))
    .limit(1)
    .for('update');
  return draft?.id ?? insertDraft(tx, actor, vendorId, {});
}

async function insertDraft(
  tx: Executor,
  actor: Actor,
  vendorId: string,
  { expectedAt, notes }: { expectedAt?: Date | null; notes?: string | null },
): Promise<string> {
  // The counter row stays locked until the transaction ends: numbers are gapless and in commit order.
  const [counter] = await tx
    .insert(purchaseOrderCounter)
    .values({ id: true, lastNumber: 1 })
    .onConflictDoUpdate({
      target: purchaseOrderCounter.id,
      set: { lastNumber: sql`${purchaseOrderCounter.lastNumber} + 1` },
    })
    .returning({ lastNumber: purchaseOrderCounter.lastNumber });
  const [row] = await tx
    .insert(purchaseOrders)
    .values({
      number: counter!.lastNumber,
      vendorId,
      expectedAt: expectedAt ?? null,
      notes: notes || null,
      createdBy: actor.id,
    })
    .returning({ id: purchaseOrders.id });
  return row!.id;
}

/** A line at the end of a draft; a part's line defaults its description and cost from the catalogue. */
export async function addLine(tx: Executor, orderId: string, line: LineInput, field: string): Promise<string> {
  let description = line.description || null;
  let unitCostCents = line.unitCostCents;
  if (line.partId) {
    const [part] = isUuid(line.partId)
      ? await tx
          .select({ sku: parts.sku, name: parts.name, unitCostCents: parts.unitCostCents })
          .from(parts)
          .where(eq(parts.id, line.partId))
      : [];
    if (!part) throw invalid({ [`${field}.partId`]: ['Choose a part from the catalogue.'] });
    description ??= `${part.sku} ${part.name}`;
    unitCostCents ??= Number(part.unitCostCents);
  }
  if (line.jobPartId) {
    const [jobPart] = isUuid(line.jobPartId)
      ? await tx.select().from(jobParts).where(eq(jobParts.id, line.jobPartId)).for('update')
      : [];
    if (!jobPart) throw invalid({ [`${field}.jobPartId`]: ['Not a part of a job.'] });
    if (jobPart.status !== 'needed' || jobPart.partId !== (line.partId || null)) {
      const message = 'Only a needed job part of the same part can be ordered.';
      throw conflict(message, { [`${field}.jobPartId`]: [message] });
    }
    await tx.update(jobParts).set({ status: 'ordered', updatedAt: new Date() }).where(eq(jobParts.id, jobPart.id));
  }
  const [row] = await tx
    .insert(purchaseOrderLines)
    .values({
      purchaseOrderId: orderId,
      position: sql`(select coalesce(max(${purchaseOrderLines.position}), 0) + 1 from ${purchaseOrderLines} where ${purchaseOrderLines.purchaseOrderId} = ${orderId})`,
      partId: line.partId || null,
      description: description!,
      quantityHundredths: signedHundredths(line.quantity)!,
      unitCostCents: unitCostCents ?? 0,
      jobPartId: line.jobPartId || null,
    })
    .returning({ id: purchaseOrderLines.id });
  return row!.id;
}

async function lockOrder(tx: Executor, id: string) {
  if (!isUuid(id)) throw notFound('Purchase order');
  const [order] = await tx
    .select({ id: purchaseOrders.id, status: purchaseOrders.status })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.id, id))
    .for('update');
  if (!order) throw notFound('Purchase order');
  return order;
}

async function lockVendor(tx: Executor, vendorId: string, field: string): Promise<void> {
  const [vendor] = isUuid(vendorId)
    ? await tx
        .select({ id: vendors.id, archivedAt: vendors.archivedAt })
        .from(vendors)
        .where(eq(vendors.id, vendorId))
        .for('update')
    : [];
  if (!vendor || vendor.archivedAt) throw invalid({ [field]: ['Choose a vendor from the list.'] });
}
