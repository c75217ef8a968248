import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { keysetPage, nameKeyset, type Page } from '../core/cursor';
import { notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { normaliseInput, parse, parseQuery } from '../core/input';
import { requireAdmin, requireSignedIn } from '../core/policy';
import { vendors } from '../schema';
import { createVendorInput, listVendorsInput, updateVendorInput } from './inputs';
import type { VendorDto } from './types';

const vendorColumns = {
  id: vendors.id,
  name: vendors.name,
  contactName: vendors.contactName,
  phone: vendors.phone,
  email: vendors.email,
  accountNumber: vendors.accountNumber,
  archivedAt: vendors.archivedAt,
  createdAt: vendors.createdAt,
  updatedAt: vendors.updatedAt,
};

type VendorRow = typeof vendors.$inferSelect;

/** A vendor as read, with or without the list's sort key (which it leaves out). */
function toVendor({ archivedAt, sortName: _sortName, ...row }: VendorRow & { sortName?: string }): VendorDto {
  return { ...row, archived: archivedAt !== null };
}

/** Everyone signed in sees vendors (a delivery names one); by name, keyset pages. */
export async function listVendors(actor: Actor | null, input: unknown = {}): Promise<Page<VendorDto>> {
  requireSignedIn(actor);
  const { includeArchived, limit, cursor } = parseQuery(listVendorsInput, input);
  const byName = nameKeyset(vendors.name, vendors.id, cursor);
  const db = await getDb();
  const rows = await db
    .select({ ...vendorColumns, sortName: byName.sortName })
    .from(vendors)
    .where(and(includeArchived ? undefined : isNull(vendors.archivedAt), byName.after))
    .orderBy(...byName.orderBy)
    .limit(limit + 1);
  return keysetPage(rows, limit, (last) => [last.sortName, last.id], toVendor);
}

export async function getVendor(actor: Actor | null, id: string): Promise<VendorDto> {
  requireSignedIn(actor);
  if (!isUuid(id)) throw notFound('Vendor');
  const [row] = await (await getDb()).select(vendorColumns).from(vendors).where(eq(vendors.id, id));
  if (!row) throw notFound('Vendor');
  return toVendor(row);
}

export async function createVendor(actor: Actor | null, input: unknown): Promise<VendorDto> {
  requireAdmin(actor);
  const data = parse(createVendorInput, normaliseInput(input));
  const db = await getDb();
  const [row] = await db.transaction((tx) =>
    tx
      .insert(vendors)
      .values({
        name: data.name,
        contactName: data.contactName || null,
        phone: data.phone || null,
        email: data.email || null,
        accountNumber: data.accountNumber || null,
      })
      .returning(vendorColumns),
  );
  return toVendor(row!);
}

export async function updateVendor(actor: Actor | null, id: string, input: unknown): Promise<VendorDto> {
  requireAdmin(actor);
  const data = parse(updateVendorInput, normaliseInput(input));
  if (!isUuid(id)) throw notFound('Vendor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select(vendorColumns).from(vendors).where(eq(vendors.id, id)).for('update');
    if (!current) throw notFound('Vendor');
    const changes: Partial<typeof vendors.$inferInsert> = { updatedAt: new Date() };
    if (data.name !== undefined) changes.name = data.name;
    for (const key of ['contactName', 'phone', 'email', 'accountNumber'] as const) {
      if (data[key] !== undefined) changes[key] = data[key] || null;
    }
    if (data.archived !== undefined) changes.archivedAt = data.archived ? (current.archivedAt ?? new Date()) : null;
    const [row] = await tx.update(vendors).set(changes).where(eq(vendors.id, id)).returning(vendorColumns);
    return toVendor(row!);
  });
}
