import 'server-only';
import { eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { conflict, notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { normaliseInput, parse } from '../core/input';
import { isAdmin, requireAdmin, requireSignedIn } from '../core/policy';
import { customers } from '../schema';
import { findDuplicates } from './reads';
import { createCustomerInput, updateCustomerInput } from './inputs';
import { customerColumns, type CustomerDto, type SavedCustomer } from './types';

// -------------------------------------------------------------------------------------------- write

export async function createCustomer(actor: Actor | null, input: unknown): Promise<SavedCustomer> {
  const signedIn = requireSignedIn(actor);
  const data = parse(createCustomerInput, normaliseInput(input));
  const db = await getDb();
  const [customer] = await db.transaction((tx) =>
    tx
      .insert(customers)
      .values({
        kind: data.kind,
        name: data.name,
        company: data.company || null,
        phone: data.phone || null,
        email: data.email || null,
        address: data.address || null,
        notes: data.notes || null,
        createdBy: signedIn.id,
      })
      .returning(customerColumns),
  );
  return { ...customer!, duplicates: await findDuplicates(db, customer!) };
}

export async function updateCustomer(actor: Actor | null, id: string, input: unknown): Promise<SavedCustomer> {
  const signedIn = requireSignedIn(actor);
  const data = parse(updateCustomerInput, normaliseInput(input));
  const db = await getDb();
  const customer = await db.transaction(async (tx) => {
    // Under the row lock an archive takes too: a worker's edit and an admin's archive never cross.
    const current = await lockCustomer(tx, id);
    if (current.archivedAt !== null && !isAdmin(signedIn)) throw archivedCustomer();
    const changes: Partial<typeof customers.$inferInsert> = {};
    if (data.kind !== undefined) changes.kind = data.kind;
    if (data.name !== undefined) changes.name = data.name;
    for (const key of ['company', 'phone', 'email', 'address', 'notes'] as const) {
      if (data[key] !== undefined) changes[key] = data[key] || null;
    }
    const [row] = await tx
      .update(customers)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(customers.id, id))
      .returning(customerColumns);
    return row!;
  });
  return { ...customer, duplicates: await findDuplicates(db, customer) };
}

/** Admin only. An archived customer drops out of lists and search (their history stays). */
export async function archiveCustomer(actor: Actor | null, id: string): Promise<CustomerDto> {
  requireAdmin(actor);
  return setArchived(id, true);
}

export async function unarchiveCustomer(actor: Actor | null, id: string): Promise<CustomerDto> {
  requireAdmin(actor);
  return setArchived(id, false);
}

async function setArchived(id: string, archived: boolean): Promise<CustomerDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockCustomer(tx, id);
    if ((current.archivedAt !== null) === archived) return current;
    const [row] = await tx
      .update(customers)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(customers.id, id))
      .returning(customerColumns);
    return row!;
  });
}

// ------------------------------------------------------------------------------------------ helpers

/** 409: an archived customer is kept as it was; an admin unarchives them before anyone edits them. */
export function archivedCustomer() {
  return conflict('This customer is archived. An admin can unarchive them before they are edited.');
}

async function lockCustomer(tx: Executor, id: string): Promise<CustomerDto> {
  if (!isUuid(id)) throw notFound('Customer');
  const [row] = await tx.select(customerColumns).from(customers).where(eq(customers.id, id)).for('update');
  if (!row) throw notFound('Customer');
  return row;
}
