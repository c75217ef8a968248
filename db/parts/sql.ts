// The SQL every parts read shares: a part's reserved and on-order quantities as subqueries, its columns, and
// the row → DTO conversion.
import { sql } from 'drizzle-orm';
import { parts } from '../schema';
import { quantityText } from './quantities';
import type { PartDto } from './types';

// Written with qualified names: in a select from parts alone, Drizzle leaves columns unqualified.
/** Needed or received job parts of the part (job_parts_reserved_idx). */
export const reservedSql = sql<string>`coalesce((select sum(jp.quantity_hundredths) from job_parts jp
  where jp.part_id = "parts"."id" and jp.status in ('needed', 'received')), 0)`;

/** Outstanding on ordered and partially received orders (purchase_order_lines_part_idx). */
export const onOrderSql = sql<string>`coalesce((select sum(pol.quantity_hundredths - pol.received_hundredths)
  from purchase_order_lines pol join purchase_orders po on po.id = pol.purchase_order_id
  where pol.part_id = "parts"."id" and po.status in ('ordered', 'partially_received')), 0)`;

export const partColumns = {
  id: parts.id,
  sku: parts.sku,
  name: parts.name,
  brand: parts.brand,
  unitCostCents: parts.unitCostCents,
  unitPriceCents: parts.unitPriceCents,
  bin: parts.bin,
  reorderPointHundredths: parts.reorderPointHundredths,
  vendorId: parts.vendorId,
  onHandHundredths: parts.onHandHundredths,
  archivedAt: parts.archivedAt,
  reservedHundredths: reservedSql,
  onOrderHundredths: onOrderSql,
};

/** A row of `partColumns`: the part's own fields as the DTO has them, quantities in hundredths. */
export type PartRow = Pick<
  PartDto,
  'id' | 'sku' | 'name' | 'brand' | 'unitCostCents' | 'unitPriceCents' | 'bin' | 'vendorId'
> & {
  reorderPointHundredths: number;
  onHandHundredths: number;
  archivedAt: Date | null;
  reservedHundredths: string | number;
  onOrderHundredths: string | number;
};

export function toPart(row: PartRow): PartDto {
  const onHand = Number(row.onHandHundredths);
  const reserved = Number(row.reservedHundredths);
  const onOrder = Number(row.onOrderHundredths);
  const available = onHand - reserved;
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    brand: row.brand,
    unitCostCents: Number(row.unitCostCents),
    unitPriceCents: Number(row.unitPriceCents),
    bin: row.bin,
    reorderPoint: quantityText(row.reorderPointHundredths),
    vendorId: row.vendorId,
    onHand: quantityText(onHand),
    reserved: quantityText(reserved),
    available: quantityText(available),
    onOrder: quantityText(onOrder),
    reorder: available + onOrder < row.reorderPointHundredths,
    archived: row.archivedAt !== null,
  };
}
