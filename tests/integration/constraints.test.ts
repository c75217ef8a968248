// The database itself refuses bad rows, whoever connects: these go straight to SQL, around the data layer.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, type Database } from '@/db/client';
import { postgresError } from '@/db/core/errors';
import {
  businessTables,
  invoiceLines,
  invoices,
  jobNotes,
  jobs,
  jobStatusChanges,
  payments,
  users,
  vehicles,
} from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { createCustomerWithVehicle, createUser, insertIssuedInvoice, invoiceCopyOf, uniqueEmail } from './support';

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

async function sqlState(work: () => Promise<unknown>): Promise<{ code?: string; constraint?: string } | 'no error'> {
  try {
    await work();
    return 'no error';
  } catch (error) {
    const pg = postgresError(error);
    if (!pg) throw error;
    return { code: pg.code, constraint: pg.constraint };
  }
}

async function completedJob() {
  const admin = await createUser('admin');
  const { vehicle } = await createCustomerWithVehicle(admin);
  const [job] = await db
    .insert(jobs)
    .values({ vehicleId: vehicle.id, title: 'Brakes', createdBy: admin.id })
    .returning();
  await db.update(jobs).set({ status: 'in_progress' }).where(eq(jobs.id, job!.id));
  await db.update(jobs).set({ status: 'completed', completedAt: new Date() }).where(eq(jobs.id, job!.id));
  return { admin, job: job!, vehicle };
}

describe('users', () => {
  it('refuses a second account with the same email in another case', async () => {
    const email = uniqueEmail('dup');
    await db.insert(users).values({ email, name: 'First', passwordHash: 'x' });
    const result = await sqlState(() =>
      db.insert(users).values({ email: email.toUpperCase(), name: 'Second', passwordHash: 'x' }),
    );
    expect(result).toMatchObject({ code: '23505', constraint: 'users_email_lower_key' });
  });

  it('refuses an inactive user without a deactivation time, and a malformed email', async () => {
    expect(
      await sqlState(() =>
        db.insert(users).values({ email: uniqueEmail(), name: 'X', passwordHash: 'x', active: false }),
      ),
    ).toMatchObject({ code: '23514', constraint: 'users_active_matches_deactivated_at' });
    expect(
      await sqlState(() => db.insert(users).values({ email: 'not-an-email', name: 'X', passwordHash: 'x' })),
    ).toMatchObject({
      code: '23514',
      constraint: 'users_email_shape',
    });
  });
});

describe('vehicles', () => {
  it('refuses an impossible year, a negative odometer and a lower-case VIN', async () => {
    const admin = await createUser('admin');
    const { customer } = await createCustomerWithVehicle(admin);
    const base = { customerId: customer.id, make: 'Ford', model: 'Focus' };
    expect(await sqlState(() => db.insert(vehicles).values({ ...base, year: 1800 }))).toMatchObject({
      constraint: 'vehicles_year_range',
    });
    expect(await sqlState(() => db.insert(vehicles).values({ ...base, odometer: -1 }))).toMatchObject({
      constraint: 'vehicles_odometer_non_negative',
    });
    expect(await sqlState(() => db.insert(vehicles).values({ ...base, vin: 'abcde12345' }))).toMatchObject({
      constraint: 'vehicles_vin_upper',
    });
  });

  it('allows a VIN only once among active vehicles, again once the other is archived', async () => {
    const admin = await createUser('admin');
    const { customer } = await createCustomerWithVehicle(admin);
    const vin = `T${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`;
    const base = { customerId: customer.id, make: 'Ford', model: 'Focus', vin };
    const [first] = await db.insert(vehicles).values(base).returning();
    expect(await sqlState(() => db.insert(vehicles).values(base))).toMatchObject({
      code: '23505',
      constraint: 'vehicles_vin_active_key',
    });
    await db.update(vehicles).set({ archivedAt: new Date() }).where(eq(vehicles.id, first!.id));
    expect(await sqlState(() => db.insert(vehicles).values(base))).toBe('no error');
  });
});

describe('jobs', () => {
  it('starts every job as created and refuses transitions outside the table', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    expect(
      await sqlState(() =>
        db.insert(jobs).values({ vehicleId: vehicle.id, title: 'X', createdBy: admin.id, status: 'in_progress' }),
      ),
    ).toMatchObject({ constraint: 'jobs_status_transition' });
    const [job] = await db.insert(jobs).values({ vehicleId: vehicle.id, title: 'X', createdBy: admin.id }).returning();
    expect(
      await sqlState(() =>
        db.update(jobs).set({ status: 'completed', completedAt: new Date() }).where(eq(jobs.id, job!.id)),
      ),
    ).toMatchObject({ constraint: 'jobs_status_transition' });
    expect(
      await sqlState(() => db.update(jobs).set({ status: 'waiting_for_parts' }).where(eq(jobs.id, job!.id))),
    ).toMatchObject({
      constraint: 'jobs_status_transition',
    });
  });

  it('refuses a cancelled job without a reason', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const [job] = await db.insert(jobs).values({ vehicleId: vehicle.id, title: 'X', createdBy: admin.id }).returning();
    expect(
      await sqlState(() =>
        db.update(jobs).set({ status: 'cancelled', cancelledAt: new Date() }).where(eq(jobs.id, job!.id)),
      ),
    ).toMatchObject({ code: '23514', constraint: 'jobs_cancelled_has_reason' });
  });

  it('keeps status history and notes append-only', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const [job] = await db.insert(jobs).values({ vehicleId: vehicle.id, title: 'X', createdBy: admin.id }).returning();
    const [change] = await db
      .insert(jobStatusChanges)
      .values({ jobId: job!.id, toStatus: 'created', changedBy: admin.id })
      .returning();
    const [note] = await db
      .insert(jobNotes)
      .values({ jobId: job!.id, authorId: admin.id, body: 'Checked' })
      .returning();
    expect(
      await sqlState(() =>
        db.update(jobStatusChanges).set({ reason: 'edited' }).where(eq(jobStatusChanges.id, change!.id)),
      ),
    ).toMatchObject({
      code: '23001',
    });
    expect(
      await sqlState(() => db.update(jobNotes).set({ body: 'edited' }).where(eq(jobNotes.id, note!.id))),
    ).toMatchObject({ code: '23001' });
    expect(
      await sqlState(() => db.insert(jobNotes).values({ jobId: job!.id, authorId: admin.id, body: '   ' })),
    ).toMatchObject({
      constraint: 'job_notes_body_length',
    });
    expect(
      await sqlState(() =>
        db.insert(jobStatusChanges).values({ jobId: job!.id, toStatus: 'completed', changedBy: admin.id }),
      ),
    ).toMatchObject({ constraint: 'job_status_changes_first_is_created' });
  });
});

describe('invoices', () => {
  it('invoices only completed jobs, once while live, and again after a void', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const [open] = await db.insert(jobs).values({ vehicleId: vehicle.id, title: 'X', createdBy: admin.id }).returning();
    expect(await sqlState(() => insertIssuedInvoice(open!.id, admin.id))).toMatchObject({
      constraint: 'invoices_job_completed',
    });

    const { job } = await completedJob();
    const first = await insertIssuedInvoice(job.id, admin.id);
    expect(await sqlState(() => insertIssuedInvoice(job.id, admin.id))).toMatchObject({
      code: '23505',
      constraint: 'invoices_job_live_key',
    });
    await db
      .update(invoices)
      .set({ status: 'void', voidedAt: new Date(), voidedBy: admin.id, voidReason: 'Wrong lines' })
      .where(eq(invoices.id, first.id));
    expect(await sqlState(() => insertIssuedInvoice(job.id, admin.id))).toBe('no error');
  });

  it('refuses to change an issued invoice or to add a line to it later', async () => {
    const { admin, job } = await completedJob();
    const invoice = await insertIssuedInvoice(job.id, admin.id);
    expect(
      await sqlState(() =>
        db.update(invoices).set({ totalCents: 1, subtotalCents: 1 }).where(eq(invoices.id, invoice.id)),
      ),
    ).toMatchObject({
      constraint: 'invoices_immutable',
    });
    expect(
      await sqlState(() =>
        db.insert(invoiceLines).values({
          invoiceId: invoice.id,
          position: 2,
          kind: 'fee',
          description: 'Sneaky fee',
          quantity: '1',
          unitPriceCents: 0,
          taxRateBasisPoints: 0,
          lineTotalCents: 0,
          taxCents: 0,
        }),
      ),
    ).toMatchObject({ constraint: 'invoice_lines_match_invoice' });
  });

  it('refuses totals that do not add up', async () => {
    const { admin, job } = await completedJob();
    const copy = await invoiceCopyOf(job.id);
    expect(
      await sqlState(() =>
        db.insert(invoices).values({
          jobId: job.id,
          ...copy,
          number: `TEST-${randomUUID()}`,
          year: 1999,
          sequence: 1,
          currency: 'USD',
          lineCount: 1,
          subtotalCents: 100,
          taxCents: 10,
          totalCents: 999,
          issuedBy: admin.id,
        }),
      ),
    ).toMatchObject({ constraint: 'invoices_total_is_sum' });
  });

  it('never records more payments than the invoice total, and none on a void invoice', async () => {
    const { admin, job } = await completedJob();
    const invoice = await insertIssuedInvoice(job.id, admin.id, 10_000);
    await db
      .insert(payments)
      .values({ invoiceId: invoice.id, amountCents: 6_000, method: 'cash', recordedBy: admin.id });
    expect(
      await sqlState(() =>
        db.insert(payments).values({ invoiceId: invoice.id, amountCents: 4_001, method: 'card', recordedBy: admin.id }),
      ),
    ).toMatchObject({ code: '23514', constraint: 'invoices_paid_within_total' });
    expect(
      await sqlState(() =>
        db.insert(payments).values({ invoiceId: invoice.id, amountCents: 0, method: 'card', recordedBy: admin.id }),
      ),
    ).toMatchObject({
      constraint: 'payments_amount_positive',
    });
    const [after] = await db.select({ paid: invoices.paidCents }).from(invoices).where(eq(invoices.id, invoice.id));
    expect(after!.paid).toBe(6_000);

    await db
      .update(invoices)
      .set({ status: 'void', voidedAt: new Date(), voidedBy: admin.id, voidReason: 'Mistake' })
      .where(eq(invoices.id, invoice.id));
    expect(
      await sqlState(() =>
        db.insert(payments).values({ invoiceId: invoice.id, amountCents: 100, method: 'card', recordedBy: admin.id }),
      ),
    ).toMatchObject({ constraint: 'invoices_immutable' });
  });

  it('refuses to reopen a job that has a live invoice', async () => {
    const { admin, job } = await completedJob();
    await insertIssuedInvoice(job.id, admin.id);
    expect(
      await sqlState(() =>
        db.update(jobs).set({ status: 'in_progress', completedAt: null }).where(eq(jobs.id, job.id)),
      ),
    ).toMatchObject({ constraint: 'jobs_reopen_invoiced' });
  });
});

async function countRows(table: string): Promise<number> {
  const result = (await db.execute(sql.raw(`select count(*)::int as count from ${table}`))) as unknown as {
    rows: { count: number }[];
  };
  return result.rows[0]!.count;
}

describe('nothing is hard-deleted', () => {
  it.each(businessTables)('refuses DELETE and TRUNCATE on %s', async (table) => {
    await seedDemoData(db); // makes sure every table has rows (a no-op when the demo shop is already there)
    const count = await countRows(table);
    expect(count).toBeGreaterThan(0);
    expect(await sqlState(() => db.execute(sql.raw(`delete from ${table}`)))).toMatchObject({ code: '23001' });
    expect(await sqlState(() => db.execute(sql.raw(`truncate ${table} cascade`)))).toMatchObject({ code: '23001' });
    expect(await countRows(table)).toBe(count);
  });
});
