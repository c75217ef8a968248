import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { decodeCursor, keysetPage, type Page } from '../core/cursor';
import { formatJobNumber, formatPurchaseOrderNumber } from '../core/document-numbers';
import { conflict, isCheckViolation, notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { normaliseInput, parse, parseQuery } from '../core/input';
import { requireAdmin, requireSignedIn } from '../core/policy';
import { jobParts, jobs, parts, purchaseOrderLines, purchaseOrders, stockMovements, users } from '../schema';
import { loadPart } from './catalogue';
import { adjustStockInput, listMovementsInput } from './inputs';
import { quantityText, signedHundredths } from './quantities';
import type { PartDto, StockMovementDto } from './types';

export const NOT_ENOUGH_STOCK = 'Not enough stock on hand.';

/** The stock_movements trigger's refusal (the shelf would go below zero) as the caller's conflict. */
export function isNotEnoughStock(error: unknown): boolean {
  return isCheckViolation(error, 'stock_movements_on_hand_non_negative');
}

/** The part's ledger, newest first (stock_movements_part_idx), with what was on the shelf after each movement. */
export async function listStockMovements(
  actor: Actor | null,
  partId: string,
  input: unknown = {},
): Promise<Page<StockMovementDto>> {
  requireSignedIn(actor);
  const { limit, cursor } = parseQuery(listMovementsInput, input);
  const after = cursor ? decodeCursor(cursor, ['integer']) : null;
  const db = await getDb();
  const part = await loadPart(db, partId);
  const rows = await db
    .select({
      id: stockMovements.id,
      kind: stockMovements.kind,
      quantityHundredths: stockMovements.quantityHundredths,
      reason: stockMovements.reason,
      purchaseOrderId: purchaseOrders.id,
      purchaseOrderNumber: purchaseOrders.number,
      jobId: jobs.id,
      jobNumber: jobs.number,
      createdById: users.id,
      createdByName: users.name,
      createdAt: stockMovements.createdAt,
    })
    .from(stockMovements)
    .innerJoin(users, eq(users.id, stockMovements.createdBy))
    .leftJoin(purchaseOrderLines, eq(purchaseOrderLines.id, stockMovements.purchaseOrderLineId))
    .leftJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .leftJoin(jobParts, eq(jobParts.id, stockMovements.jobPartId))
    .leftJoin(jobs, eq(jobs.id, jobParts.jobId))
    .where(and(eq(stockMovements.partId, part.id), after ? sql`${stockMovements.id} < ${after[0]}` : undefined))
    .orderBy(desc(stockMovements.id))
    .limit(limit + 1);
  const { data: page, nextCursor } = keysetPage(rows, limit, (last) => [last.id]);
  const first = page[0];
  // What the shelf held after the page's newest movement: today's on hand less everything newer.
  let onHand = 0;
  if (first) {
    const [newer] = await db
      .select({ sum: sql<string>`coalesce(sum(${stockMovements.quantityHundredths}), 0)` })
      .from(stockMovements)
      .where(and(eq(stockMovements.partId, part.id), sql`${stockMovements.id} > ${first.id}`));
    onHand = (signedHundredths(part.onHand) ?? 0) - Number(newer!.sum);
  }
  const data = page.map((row) => {
    const movement: StockMovementDto = {
      id: row.id,
      kind: row.kind,
      quantity: quantityText(row.quantityHundredths),
      onHandAfter: quantityText(onHand),
      reason: row.reason,
      purchaseOrder: row.purchaseOrderId
        ? { id: row.purchaseOrderId, number: formatPurchaseOrderNumber(row.purchaseOrderNumber!) }
        : null,
      job: row.jobId ? { id: row.jobId, number: formatJobNumber(row.jobNumber!) } : null,
      createdBy: { id: row.createdById, name: row.createdByName },
      createdAt: row.createdAt,
    };
    onHand -= row.quantityHundredths;
    return movement;
  });
  return { data, nextCursor };
}

/** Admin only: a counted shelf, a breakage; the reason is required and the shelf never goes below zero. */
export async function adjustStock(actor: Actor | null, partId: string, input: unknown): Promise<PartDto> {
  const admin = requireAdmin(actor);
  const data = parse(adjustStockInput, normaliseInput(input));
  if (!isUuid(partId)) throw notFound('Part');
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [part] = await tx.select({ id: parts.id }).from(parts).where(eq(parts.id, partId));
      if (!part) throw notFound('Part');
      await tx.insert(stockMovements).values({
        partId,
        quantityHundredths: signedHundredths(data.quantity)!,
        kind: 'adjustment',
        reason: data.reason,
        createdBy: admin.id,
      });
      return loadPart(tx, partId);
    });
  } catch (error) {
    if (isNotEnoughStock(error)) throw conflict(NOT_ENOUGH_STOCK, { quantity: [NOT_ENOUGH_STOCK] });
    throw error;
  }
}
