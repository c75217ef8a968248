// The owner's dashboard: every number is checked by making the rows it counts and comparing before and after.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@/db/core/actor';
import { getDb } from '@/db/client';
import { getDashboardSummary, NOT_INVOICED_DAYS, type DashboardSummaryDto } from '@/db/dashboard';
import { DomainError } from '@/db/core/errors';
import { invoiceLines, invoices, jobs, payments, type JobStatus } from '@/db/schema';
import { createCustomerWithVehicle, createUser, switchToPrivateDatabase, invoiceCopyOf } from './support';

// The rules here are about every admin and every job in the shop: a database of this file's own.
switchToPrivateDatabase();

const DAY = 24 * 60 * 60 * 1000;

async function jobIn(
  admin: Actor,
  vehicleId: string,
  status: JobStatus,
  promisedAt: Date | null = null,
  completedAt = new Date(),
) {
  const db = await getDb();
  const [job] = await db
    .insert(jobs)
    .values({ vehicleId, title: `Job ${status}`, createdBy: admin.id, promisedAt })
    .returning();
  const id = job!.id;
  const path: Partial<Record<JobStatus, JobStatus[]>> = {
    in_progress: ['in_progress'],
    waiting_for_parts: ['in_progress', 'waiting_for_parts'],
    completed: ['in_progress', 'completed'],
    cancelled: ['cancelled'],
  };
  for (const next of path[status] ?? []) {
    await db
      .update(jobs)
      .set({
        status: next,
        ...(next === 'completed' ? { completedAt } : {}),
        ...(next === 'cancelled' ? { cancelledAt: new Date(), cancelReason: 'Customer changed their mind' } : {}),
      })
      .where(eq(jobs.id, id));
  }
  return id;
}

async function invoiceFor(jobId: string, issuedBy: string, totalCents: number) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [invoice] = await tx
      .insert(invoices)
      .values({
        jobId,
        ...(await invoiceCopyOf(jobId, tx)),
        number: `TEST-${randomUUID()}`,
        year: 1999,
        sequence: Math.floor(Math.random() * 1_000_000_000) + 1,
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
      kind: 'fee',
      description: 'Diagnosis',
      quantity: '1',
      unitPriceCents: totalCents,
      taxRateBasisPoints: 0,
      lineTotalCents: totalCents,
      taxCents: 0,
    });
    return invoice!.id;
  });
}

async function pay(invoiceId: string, amountCents: number, recordedBy: string) {
  const db = await getDb();
  await db.insert(payments).values({ invoiceId, amountCents, method: 'cash', recordedBy });
}

async function voidInvoice(invoiceId: string, by: string) {
  const db = await getDb();
  await db
    .update(invoices)
    .set({ status: 'void', voidedAt: new Date(), voidedBy: by, voidReason: 'Wrong lines' })
    .where(eq(invoices.id, invoiceId));
}

function delta(before: DashboardSummaryDto, after: DashboardSummaryDto) {
  return {
    created: after.openJobsByStatus.created - before.openJobsByStatus.created,
    inProgress: after.openJobsByStatus.in_progress - before.openJobsByStatus.in_progress,
    waitingForParts: after.openJobsByStatus.waiting_for_parts - before.openJobsByStatus.waiting_for_parts,
    openJobs: after.openJobs - before.openJobs,
    overdueJobs: after.overdueJobs - before.overdueJobs,
    completedNotInvoiced: after.completedNotInvoiced - before.completedNotInvoiced,
    unpaidInvoices: after.unpaidInvoices - before.unpaidInvoices,
    partiallyPaidInvoices: after.partiallyPaidInvoices - before.partiallyPaidInvoices,
    openBalanceCents: after.openBalanceCents - before.openBalanceCents,
  };
}

describe('the dashboard summary', () => {
  it('counts open jobs by status and the overdue ones, leaving finished jobs out', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const before = await getDashboardSummary(admin);
    const yesterday = new Date(Date.now() - DAY);
    const nextWeek = new Date(Date.now() + 7 * DAY);

    await jobIn(admin, vehicle.id, 'created', yesterday); // overdue
    await jobIn(admin, vehicle.id, 'created', nextWeek);
    await jobIn(admin, vehicle.id, 'created');
    await jobIn(admin, vehicle.id, 'in_progress', yesterday); // overdue
    await jobIn(admin, vehicle.id, 'waiting_for_parts', new Date(Date.now() - 3 * DAY)); // overdue
    await jobIn(admin, vehicle.id, 'waiting_for_parts', nextWeek);
    await jobIn(admin, vehicle.id, 'cancelled', yesterday); // finished: never overdue
    await jobIn(admin, vehicle.id, 'completed', yesterday); // finished: never overdue, but not invoiced

    const after = await getDashboardSummary(admin);
    expect(delta(before, after)).toMatchObject({
      created: 3,
      inProgress: 1,
      waitingForParts: 2,
      openJobs: 6,
      overdueJobs: 3,
      completedNotInvoiced: 1,
    });
  });

  it('counts completed jobs not yet invoiced, and a voided invoice frees the job again', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const before = await getDashboardSummary(admin);
    const invoiced = await jobIn(admin, vehicle.id, 'completed');
    await jobIn(admin, vehicle.id, 'completed');
    const voided = await jobIn(admin, vehicle.id, 'completed');
    await invoiceFor(invoiced, admin.id, 5_000);
    await voidInvoice(await invoiceFor(voided, admin.id, 7_000), admin.id);

    const after = await getDashboardSummary(admin);
    expect(delta(before, after).completedNotInvoiced).toBe(2);
  });

  it(`counts only jobs completed in the last ${NOT_INVOICED_DAYS} days as waiting for an invoice`, async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const before = await getDashboardSummary(admin);
    await jobIn(admin, vehicle.id, 'completed', null, new Date(Date.now() - (NOT_INVOICED_DAYS - 1) * DAY));
    await jobIn(admin, vehicle.id, 'completed', null, new Date(Date.now() - (NOT_INVOICED_DAYS + 1) * DAY));

    const after = await getDashboardSummary(admin);
    expect(delta(before, after).completedNotInvoiced).toBe(1);
  });

  it('counts unpaid and partly paid invoices with their open balance; paid and void ones drop out', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const unpaid = await jobIn(admin, vehicle.id, 'completed');
    const partly = await jobIn(admin, vehicle.id, 'completed');
    const paid = await jobIn(admin, vehicle.id, 'completed');
    const voided = await jobIn(admin, vehicle.id, 'completed');
    const before = await getDashboardSummary(admin);

    await invoiceFor(unpaid, admin.id, 12_345);
    const partlyInvoice = await invoiceFor(partly, admin.id, 20_000);
    await pay(partlyInvoice, 5_000, admin.id);
    const paidInvoice = await invoiceFor(paid, admin.id, 9_900);
    await pay(paidInvoice, 4_900, admin.id);
    await pay(paidInvoice, 5_000, admin.id);
    await voidInvoice(await invoiceFor(voided, admin.id, 50_000), admin.id);

    const after = await getDashboardSummary(admin);
    expect(delta(before, after)).toMatchObject({
      unpaidInvoices: 1,
      partiallyPaidInvoices: 1,
      openBalanceCents: 12_345 + 15_000,
      completedNotInvoiced: -3, // three of the four completed jobs now have a live invoice
    });
    expect(after.asOf).toBeInstanceOf(Date);
  });

  it('is for admins only', async () => {
    const worker = await createUser('worker');
    await expect(getDashboardSummary(worker)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(getDashboardSummary(null)).rejects.toBeInstanceOf(DomainError);
    await expect(getDashboardSummary(null)).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});
