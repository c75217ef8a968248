import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { decodeCursor, keysetPage, type Page } from '../core/cursor';
import { formatPurchaseOrderNumber } from '../core/document-numbers';
import { notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { parseQuery } from '../core/input';
import { requireSignedIn } from '../core/policy';
import { parts, purchaseOrderLines, purchaseOrders, vendors } from '../schema';
import { listPurchaseOrdersInput } from './inputs';
import { quantityText } from './quantities';
import type { PurchaseOrderDto, PurchaseOrderSummaryDto } from './types';

const lineCount = sql<number>`(select count(*)::int from ${purchaseOrderLines} where ${purchaseOrderLines.purchaseOrderId} = ${purchaseOrders.id})`;
// Σ round(quantity × unit cost), as the invoice rounds a line (half up, to a whole cent).
const totalCents = sql<string>`(select coalesce(sum(floor((${purchaseOrderLines.quantityHundredths}::bigint * ${purchaseOrderLines.unitCostCents} + 50) / 100)), 0)
  from ${purchaseOrderLines} where ${purchaseOrderLines.purchaseOrderId} = ${purchaseOrders.id})`;

const summaryColumns = {
  id: purchaseOrders.id,
  number: purchaseOrders.number,
  status: purchaseOrders.status,
  vendorId: vendors.id,
  vendorName: vendors.name,
  expectedAt: purchaseOrders.expectedAt,
  lineCount,
  totalCents,
  createdAt: purchaseOrders.createdAt,
  createdAtKey: sql<string>`${purchaseOrders.createdAt}::text`,
};

type SummaryRow = {
  id: string;
  number: number;
  status: PurchaseOrderSummaryDto['status'];
  vendorId: string;
  vendorName: string;
  expectedAt: Date | null;
  lineCount: number;
  totalCents: string | number;
  createdAt: Date;
};

function toSummary(row: SummaryRow): PurchaseOrderSummaryDto {
  return {
    id: row.id,
    number: formatPurchaseOrderNumber(row.number),
    status: row.status,
    vendor: { id: row.vendorId, name: row.vendorName },
    expectedAt: row.expectedAt,
    lineCount: Number(row.lineCount),
    totalCents: Number(row.totalCents),
    createdAt: row.createdAt,
  };
}

/** Newest first, keyset pages; everyone signed in sees them (deliveries are received by whoever is there). */
export async function listPurchaseOrders(
  actor: Actor | null,
  input: unknown = {},
): Promise<Page<PurchaseOrderSummaryDto>> {
  requireSignedIn(actor);
  const { status, vendorId, limit, cursor } = parseQuery(listPurchaseOrdersInput, input);
  const after = cursor ? decodeCursor(cursor, ['timestamp', 'uuid']) : null;
  if (vendorId !== undefined && !isUuid(vendorId)) return { data: [], nextCursor: null };
  const rows = await (
    await getDb()
  )
    .select(summaryColumns)
    .from(purchaseOrders)
    .innerJoin(vendors, eq(vendors.id, purchaseOrders.vendorId))
    .where(
      and(
        status ? eq(purchaseOrders.status, status) : undefined,
        vendorId ? eq(purchaseOrders.vendorId, vendorId) : undefined,
        after
          ? sql`(${purchaseOrders.createdAt}, ${purchaseOrders.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(purchaseOrders.createdAt), desc(purchaseOrders.id))
    .limit(limit + 1);
  return keysetPage(rows, limit, (last) => [last.createdAtKey, last.id], toSummary);
}

export async function getPurchaseOrder(actor: Actor | null, id: string): Promise<PurchaseOrderDto> {
  requireSignedIn(actor);
  return loadPurchaseOrder(await getDb(), id);
}

export async function loadPurchaseOrder(executor: Executor, id: string): Promise<PurchaseOrderDto> {
  if (!isUuid(id)) throw notFound('Purchase order');
  const [row] = await executor
    .select({
      ...summaryColumns,
      notes: purchaseOrders.notes,
      orderedAt: purchaseOrders.orderedAt,
      cancelledAt: purchaseOrders.cancelledAt,
    })
    .from(purchaseOrders)
    .innerJoin(vendors, eq(vendors.id, purchaseOrders.vendorId))
    .where(eq(purchaseOrders.id, id));
  if (!row) throw notFound('Purchase order');
  const lines = await executor
    .select({
      id: purchaseOrderLines.id,
      position: purchaseOrderLines.position,
      partId: purchaseOrderLines.partId,
      sku: parts.sku,
      description: purchaseOrderLines.description,
      quantityHundredths: purchaseOrderLines.quantityHundredths,
      unitCostCents: purchaseOrderLines.unitCostCents,
      receivedHundredths: purchaseOrderLines.receivedHundredths,
      jobPartId: purchaseOrderLines.jobPartId,
    })
    .from(purchaseOrderLines)
    .leftJoin(parts, eq(parts.id, purchaseOrderLines.partId))
    .where(eq(purchaseOrderLines.purchaseOrderId, id))
    .orderBy(asc(purchaseOrderLines.position));
  return {
    ...toSummary(row),
    notes: row.notes,
    orderedAt: row.orderedAt,
    cancelledAt: row.cancelledAt,
    lines: lines.map(({ quantityHundredths, receivedHundredths, ...line }) => ({
      ...line,
      unitCostCents: Number(line.unitCostCents),
      quantity: quantityText(quantityHundredths),
      received: quantityText(receivedHundredths),
      outstanding: quantityText(quantityHundredths - receivedHundredths),
    })),
  };
}
