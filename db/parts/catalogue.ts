import 'server-only';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { keysetPage, nameKeyset, type Page } from '../core/cursor';
import { conflict, invalid, isUniqueViolation, notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { normaliseInput, parse, parseQuery } from '../core/input';
import { containsOrWordStarts } from '../core/search';
import { requireAdmin, requireSignedIn } from '../core/policy';
import { partWords, parts, vendors } from '../schema';
import { createPartInput, listPartsInput, updatePartInput } from './inputs';
import { signedHundredths } from './quantities';
import { onOrderSql, partColumns, reservedSql, toPart, type PartRow } from './sql';
import type { PartDto } from './types';

/**
 * Parts by name (keyset pages). `q` finds the SKU or name anywhere (trigram indexes) or, without three letters
 * in a row, the start of a word; `reorder` keeps the parts whose available + on order is below the reorder point.
 */
export async function listParts(actor: Actor | null, input: unknown = {}): Promise<Page<PartDto>> {
  requireSignedIn(actor);
  const { q, reorder, includeArchived, limit, cursor } = parseQuery(listPartsInput, input);
  const byName = nameKeyset(parts.name, parts.id, cursor);
  const db = await getDb();
  const rows = await db
    .select({ ...partColumns, sortName: byName.sortName })
    .from(parts)
    .where(
      and(
        includeArchived ? undefined : isNull(parts.archivedAt),
        q ? partSearch(q) : undefined,
        reorder
          ? sql`${parts.reorderPointHundredths} > 0 and ${parts.onHandHundredths} - ${reservedSql} + ${onOrderSql} < ${parts.reorderPointHundredths}`
          : undefined,
        byName.after,
      ),
    )
    .orderBy(...byName.orderBy)
    .limit(limit + 1);
  return keysetPage(rows, limit, (last) => [last.sortName, last.id], toPart);
}

/** One select per condition, so that each reads its own index (db/core/search.ts). */
function partSearch(q: string): SQL {
  const conditions = containsOrWordStarts(q, [parts.sku, parts.name], [partWords(parts.sku, parts.name)]);
  const selects = sql.join(
    conditions.map((condition) => sql`select ${parts.id} from ${parts} where ${condition}`),
    sql` union all `,
  );
  return sql`${parts.id} = any(array(${selects}))`;
}

export async function getPart(actor: Actor | null, id: string): Promise<PartDto> {
  requireSignedIn(actor);
  return loadPart(await getDb(), id);
}

export async function loadPart(executor: Executor, id: string): Promise<PartDto> {
  if (!isUuid(id)) throw notFound('Part');
  const [row] = await executor.select(partColumns).from(parts).where(eq(parts.id, id));
  if (!row) throw notFound('Part');
  return toPart(row as PartRow);
}

/** Admin only: a new part starts with nothing on the shelf (stock comes by receipts and adjustments). */
export async function createPart(actor: Actor | null, input: unknown): Promise<PartDto> {
  requireAdmin(actor);
  const data = parse(createPartInput, normaliseInput(input));
  const db = await getDb();
  return savePart(db, async (tx) => {
    await checkVendor(tx, data.vendorId);
    const [row] = await tx
      .insert(parts)
      .values({
        sku: data.sku,
        name: data.name,
        brand: data.brand || null,
        unitCostCents: data.unitCostCents,
        unitPriceCents: data.unitPriceCents,
        bin: data.bin || null,
        reorderPointHundredths: signedHundredths(data.reorderPoint)!,
        vendorId: data.vendorId || null,
      })
      .returning({ id: parts.id });
    return row!.id;
  });
}

export async function updatePart(actor: Actor | null, id: string, input: unknown): Promise<PartDto> {
  requireAdmin(actor);
  const data = parse(updatePartInput, normaliseInput(input));
  if (!isUuid(id)) throw notFound('Part');
  const db = await getDb();
  return savePart(db, async (tx) => {
    const [current] = await tx
      .select({ id: parts.id, archivedAt: parts.archivedAt })
      .from(parts)
      .where(eq(parts.id, id))
      .for('update');
    if (!current) throw notFound('Part');
    if (data.vendorId !== undefined) await checkVendor(tx, data.vendorId);
    const changes: Partial<typeof parts.$inferInsert> = { updatedAt: new Date() };
    if (data.sku !== undefined) changes.sku = data.sku;
    if (data.name !== undefined) changes.name = data.name;
    if (data.unitCostCents !== undefined) changes.unitCostCents = data.unitCostCents;
    if (data.unitPriceCents !== undefined) changes.unitPriceCents = data.unitPriceCents;
    if (data.reorderPoint !== undefined) changes.reorderPointHundredths = signedHundredths(data.reorderPoint)!;
    for (const key of ['brand', 'bin', 'vendorId'] as const) {
      if (data[key] !== undefined) changes[key] = data[key] || null;
    }
    if (data.archived !== undefined) {
      changes.archivedAt = data.archived ? (current.archivedAt ?? new Date()) : null;
    }
    await tx.update(parts).set(changes).where(eq(parts.id, id));
    return id;
  });
}

async function savePart(
  db: Awaited<ReturnType<typeof getDb>>,
  write: (tx: Executor) => Promise<string>,
): Promise<PartDto> {
  try {
    return await db.transaction(async (tx) => loadPart(tx, await write(tx)));
  } catch (error) {
    if (isUniqueViolation(error, 'parts_sku_lower_key')) {
      throw conflict('Another part has this SKU.', { sku: ['Another part has this SKU.'] });
    }
    throw error;
  }
}

async function checkVendor(tx: Executor, vendorId: string | null | undefined): Promise<void> {
  if (!vendorId) return;
  const found = isUuid(vendorId)
    ? await tx.select({ id: vendors.id }).from(vendors).where(eq(vendors.id, vendorId))
    : [];
  if (found.length === 0) throw invalid({ vendorId: ['Choose a vendor from the list.'] });
}
