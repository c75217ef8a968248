// Fixtures: fresh, uniquely named rows for each test, written straight into the real database.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { formFieldErrors, type FormInput } from '@/app/_lib/form';
import type { Actor } from '@/db/core/actor';
import { DomainError } from '@/db/core/errors';
import { databaseKind, getDb, type Executor } from '@/db/client';
import { hashPassword } from '@/db/auth/passwords';
import { withCheckDigit } from '@/db/vin';
import {
  auditEvents,
  customers,
  invoiceLines,
  invoices,
  jobAssignments,
  jobs,
  users,
  vehicles,
  type UserRole,
} from '@/db/schema';

export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | undefined;

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID()}@test.example`;
}

/** What a data-layer call was refused with, or 'allowed'. */
export async function refusal(work: () => Promise<unknown>): Promise<DomainError | 'allowed'> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return 'allowed';
}

/** The shop settings most data-layer tests price with: USD, labor 120.00/h taxed 10%, parts 8.25%, fees 5%. */
export const testShopSettings = {
  shopName: 'Test Garage',
  currency: 'USD',
  locale: 'en-US',
  laborRateCents: 12_000,
  laborTaxBasisPoints: 1_000,
  partTaxBasisPoints: 825,
  feeTaxBasisPoints: 500,
} as const;

/** The fields an `invalid` refusal names, sorted; fails the test when the call was not refused as invalid. */
export async function invalidFieldNames(work: () => Promise<unknown>): Promise<string[]> {
  const refused = await refusal(work);
  expect(refused).toMatchObject({ kind: 'invalid' });
  return Object.keys((refused as DomainError).fieldErrors).sort();
}

/** The kind of refusal ('forbidden', 'not_found', …), or 'allowed'. */
export async function refusalKind(work: () => Promise<unknown>): Promise<string> {
  const answer = await refusal(work);
  return answer === 'allowed' ? answer : answer.kind;
}

/** The claims a right password signs in with (user and session version), or null. */
export async function signedInAs(email: string, password = TEST_PASSWORD) {
  const { verifyCredentials } = await import('@/db/users');
  const claims = await verifyCredentials(email, password);
  return claims ? { userId: claims.userId, sessionVersion: claims.sessionVersion } : null;
}

/** A 17-character VIN with a correct check digit that no other test uses. */
/** A form as a browser sends it: a field given a list is sent once per item. */
export function formData(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}

export function randomVin(): string {
  const characters = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const draft = Array.from({ length: 17 }, () => characters[Math.floor(Math.random() * characters.length)]).join('');
  return withCheckDigit(draft);
}

/** Every id a paged list answers, following its cursor to the end (a search in a database other tests share). */
export async function allIds(
  page: (cursor: string | undefined) => Promise<{ data: { id: string }[]; nextCursor: string | null }>,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const answer = await page(cursor);
    ids.push(...answer.data.map((row) => row.id));
    cursor = answer.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

export async function createUser(role: UserRole, name = `Test ${role}`): Promise<Actor> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({ email: uniqueEmail(role), name, role, passwordHash: await passwordHash })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  return user!;
}

/** Workers with the given names, made in order. */
export async function createWorkers<const Names extends string[]>(...names: Names) {
  const workers: Actor[] = [];
  for (const name of names) workers.push(await createUser('worker', name));
  return workers as { [K in keyof Names]: Actor };
}

/** The database and a new admin, for a test file's `beforeAll`: `({ db, admin } = await dbAndAdmin())`. */
export async function dbAndAdmin() {
  return { db: await getDb(), admin: await createUser('admin') };
}

export async function createCustomerWithVehicle(createdBy: Actor) {
  const db = await getDb();
  const [customer] = await db
    .insert(customers)
    .values({ name: `Customer ${randomUUID().slice(0, 8)}`, createdBy: createdBy.id })
    .returning();
  const [vehicle] = await db
    .insert(vehicles)
    .values({ customerId: customer!.id, make: 'Toyota', model: 'Corolla', year: 2018, odometer: 50_000 })
    .returning();
  return { customer: customer!, vehicle: vehicle! };
}

/**
 * An issued invoice of one line written straight into the tables, around the data layer (its number is a unique
 * test value), for tests about what the database or a summary does with invoices.
 */
export async function insertIssuedInvoice(
  jobId: string,
  issuedBy: string,
  totalCents = 10_000,
  line: { kind: 'labor' | 'part' | 'fee'; description: string } = { kind: 'labor', description: 'Labor' },
) {
  const db = await getDb();
  const sequence = Math.floor(Math.random() * 1_000_000_000) + 1;
  return db.transaction(async (tx) => {
    const [invoice] = await tx
      .insert(invoices)
      .values({
        jobId,
        ...(await invoiceCopyOf(jobId, tx)),
        number: `TEST-${randomUUID()}`,
        year: 1999,
        sequence,
        currency: 'USD',
        lineCount: 1,
        subtotalCents: totalCents,
        taxCents: 0,
        totalCents,
        issuedBy,
      })
      .returning();
    await tx.insert(invoiceLines).values({
      invoiceId: invoice!.id,
      position: 1,
      ...line,
      quantity: '1',
      unitPriceCents: totalCents,
      taxRateBasisPoints: 0,
      lineTotalCents: totalCents,
      taxCents: 0,
    });
    return invoice!;
  });
}

/**
 * For test files whose rules are about the whole shop (the last active admin, dashboard totals): use a
 * database of their own, in memory, instead of a shared PostgreSQL server where other files' rows come and go.
 * Call at the top of the file, before anything opens the database.
 */
export function switchToPrivateDatabase(): void {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = 'memory://';
}

/**
 * A small shop scene for authorization and hostile-input tests: an admin; a worker assigned to job J (created by
 * the admin); another worker who is neither; a worker who will be deactivated; a customer with a vehicle; J; a
 * completed job ready to invoice; an invoiced job with its invoice; and an archived customer with an archived
 * vehicle.
 */
export async function createWorkshopScene() {
  const { createJob, changeJobStatus, setJobAssignees } = await import('@/db/jobs');
  const { issueInvoice } = await import('@/db/invoices');
  const db = await getDb();
  const admin = await createUser('admin');
  const assignedWorker = await createUser('worker');
  const otherWorker = await createUser('worker');
  const deactivatedWorker = await createUser('worker');
  const { customer, vehicle } = await createCustomerWithVehicle(admin);
  const job = await createJob(admin, { vehicleId: vehicle.id, title: 'Brakes squeal' });
  await setJobAssignees(admin, job.id, { userIds: [assignedWorker.id] });
  const completeJob = async (title: string) => {
    const made = await createJob(admin, { vehicleId: vehicle.id, title });
    await changeJobStatus(admin, made.id, { status: 'in_progress' });
    return changeJobStatus(admin, made.id, { status: 'completed' });
  };
  const completed = await completeJob('Annual service');
  const invoiced = await completeJob('Battery');
  const invoice = await issueInvoice(admin, invoiced.id, {
    lines: [{ kind: 'part', description: 'Battery', quantity: 1, unitPriceCents: 15_000 }],
  });
  const archived = await createCustomerWithVehicle(admin);
  await db.update(customers).set({ archivedAt: new Date() }).where(eq(customers.id, archived.customer.id));
  await db.update(vehicles).set({ archivedAt: new Date() }).where(eq(vehicles.id, archived.vehicle.id));
  return {
    people: { admin, assignedWorker, otherWorker, deactivatedWorker },
    customer,
    vehicle,
    job,
    completed,
    invoice,
    archived,
  };
}

/** Deactivates a user straight in the database, ending their sessions and tokens (version bump). */
export async function deactivateDirectly(userId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ active: false, deactivatedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/** The newest audit event id, to look at what a call wrote afterwards. */
export async function lastAuditId(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ id: sql<number>`coalesce(max(${auditEvents.id}), 0)::int` }).from(auditEvents);
  return row!.id;
}

/** How many audit events name `actorId` after `afterId`. */
export async function auditCountBy(actorId: string, afterId: number): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, actorId), gt(auditEvents.id, afterId)));
  return row!.count;
}

/** Audit events written after `afterId`: who, from where, what. */
export async function auditEventsSince(afterId: number) {
  const db = await getDb();
  return db
    .select({
      actorId: auditEvents.actorId,
      origin: auditEvents.origin,
      entity: auditEvents.entity,
      action: auditEvents.action,
    })
    .from(auditEvents)
    .where(gt(auditEvents.id, afterId));
}

/**
 * Unassigns everyone from the job the way setJobAssignees does (the job's row locked, then the assignments
 * closed), and runs `contender` while that transaction is open: on PostgreSQL the transaction commits only once
 * the contender waits for a lock (PGlite runs one transaction at a time, so there it simply comes after).
 * Answers what the contender answered.
 */
export async function duringUnassignment<T>(
  jobId: string,
  unassignedBy: Actor,
  contender: () => Promise<T>,
): Promise<T> {
  const db = await getDb();
  let attempt: Promise<T> | undefined;
  await db.transaction(async (tx) => {
    await tx.select({ id: jobs.id }).from(jobs).where(eq(jobs.id, jobId)).for('update');
    await tx
      .update(jobAssignments)
      .set({ unassignedAt: new Date(), unassignedBy: unassignedBy.id })
      .where(and(eq(jobAssignments.jobId, jobId), isNull(jobAssignments.unassignedAt)));
    attempt = contender();
    attempt.catch(() => undefined); // awaited below, after the commit
    if ((await databaseKind()) === 'postgres') {
      for (let tries = 0; tries < 200; tries++) {
        const waiting = (await tx.execute(
          sql`select 1 from pg_locks where not granted and pid <> pg_backend_pid()`,
        )) as unknown as { rows: unknown[] };
        if (waiting.rows.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  });
  return attempt!;
}

/**
 * A data-layer call fed what a form sends, as the form's action does: the form's fields converted to the domain's
 * input, and a refusal's field errors named as on the form.
 */
export async function throughForm<T>(form: FormInput, call: (input: unknown) => Promise<T>): Promise<T> {
  try {
    return await call(form.input);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(error.kind, error.message, formFieldErrors(error.fieldErrors, form));
  }
}

/** The copy an invoice takes at issue (bill-to, vehicle, job), for tests that write an invoice row themselves. */
export async function invoiceCopyOf(jobId: string, executor?: Executor) {
  const { selectJobsWithCustomer } = await import('@/db/jobs');
  const [copy] = await selectJobsWithCustomer(executor ?? (await getDb()), {
    customerId: customers.id,
    billToName: customers.name,
    vehicleMake: vehicles.make,
    vehicleModel: vehicles.model,
    jobNumber: jobs.number,
    jobTitle: jobs.title,
  }).where(eq(jobs.id, jobId));
  if (!copy) throw new Error(`no job ${jobId}`);
  return copy;
}
