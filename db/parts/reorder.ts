import 'server-only';
import { and, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { requireAdmin } from '../core/policy';
import { parts } from '../schema';
import { loadPurchaseOrder } from './purchase-order-reads';
import { addLine, draftForVendor } from './purchase-order-writes';
import { quantityText } from './quantities';
import { onOrderSql, reservedSql } from './sql';
import type { PurchaseOrderDto } from './types';

const MAX_REORDER_PARTS = 500;

/**
 * Admin, the reorder list's one button: every part below its reorder point that has a default vendor and is not
 * on a draft yet goes onto its vendor's draft order, enough to bring available + on order to twice the reorder
 * point. Returns the drafts it touched.
 */
export async function draftReorders(actor: Actor | null): Promise<PurchaseOrderDto[]> {
  const admin = requireAdmin(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const short = await tx
      .select({
        id: parts.id,
        vendorId: parts.vendorId,
        shortfall: sql<string>`2 * ${parts.reorderPointHundredths} - (${parts.onHandHundredths} - ${reservedSql} + ${onOrderSql})`,
      })
      .from(parts)
      .where(
        and(
          isNull(parts.archivedAt),
          isNotNull(parts.vendorId),
          sql`${parts.reorderPointHundredths} > 0`,
          sql`${parts.onHandHundredths} - ${reservedSql} + ${onOrderSql} < ${parts.reorderPointHundredths}`,
          sql`not exists (select 1 from purchase_order_lines pol join purchase_orders po on po.id = pol.purchase_order_id
            where pol.part_id = "parts"."id" and po.status = 'draft')`,
        ),
      )
      .orderBy(parts.vendorId, parts.id)
      .limit(MAX_REORDER_PARTS);
    const touched: string[] = [];
    for (const part of short) {
      const orderId = await draftForVendor(tx, admin, part.vendorId!);
      if (!touched.includes(orderId)) touched.push(orderId);
      await addLine(tx, orderId, { partId: part.id, quantity: quantityText(Number(part.shortfall)) }, 'parts');
    }
    const drafts: PurchaseOrderDto[] = [];
    for (const id of touched) drafts.push(await loadPurchaseOrder(tx, id));
    return drafts;
  });
}
