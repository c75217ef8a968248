import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/db/core/actor';
import { getDb, type Database } from '@/db/client';
import { DomainError } from '@/db/core/errors';
import {
  changeJobStatus,
  createJob,
  getJob,
  getJobHistory,
  getVehicleForJob,
  JOB_CHANGED_MESSAGE,
  jobTransitions,
  listJobs,
  listJobsForBoard,
  listMyJobs,
  searchVehiclesForJob,
  setJobAssignees,
  updateJob,
} from '@/db/jobs';
import {
  customers,
  invoiceLines,
  invoices,
  jobAssignments,
  jobs,
  jobStatus,
  jobStatusChanges,
  users,
  vehicles,
  type JobStatus,
} from '@/db/schema';
import { allIds, createCustomerWithVehicle, createUser, duringUnassignment, invoiceCopyOf } from './support';

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

async function refusal(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) return error.kind;
    throw error;
  }
  return 'allowed';
}

async function domainError(work: () => Promise<unknown>): Promise<DomainError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** An admin, a worker assigned to a fresh job, and that job. */
async function shop() {
  const admin = await createUser('admin', 'Shop Admin');
  const mechanic = await createUser('worker', 'Assigned Mechanic');
  const { customer, vehicle } = await createCustomerWithVehicle(admin);
  const job = await createJob(admin, { vehicleId: vehicle.id, title: 'Brakes squeal', odometerIn: 50_100 });
  await setJobAssignees(admin, job.id, { userIds: [mechanic.id] });
  return { admin, mechanic, customer, vehicle, job };
}

async function historyRows(jobId: string) {
  return db.select().from(jobStatusChanges).where(eq(jobStatusChanges.jobId, jobId)).orderBy(jobStatusChanges.id);
}

async function jobRow(jobId: string) {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  return row!;
}

/** Walks a job to the given status along allowed transitions. */
async function walkTo(actor: Actor, jobId: string, status: JobStatus) {
  const paths: Record<JobStatus, JobStatus[]> = {
    created: [],
    in_progress: ['in_progress'],
    waiting_for_parts: ['in_progress', 'waiting_for_parts'],
    completed: ['in_progress', 'completed'],
    cancelled: ['cancelled'],
  };
  for (const to of paths[status]) {
    await changeJobStatus(actor, jobId, { status: to, reason: to === 'cancelled' ? 'Customer declined' : undefined });
  }
}

async function issueInvoice(jobId: string, issuedBy: string) {
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
        subtotalCents: 10_000,
        taxCents: 0,
        totalCents: 10_000,
        issuedBy,
      })
      .returning();
    await tx.insert(invoiceLines).values({
      invoiceId: invoice!.id,
      position: 1,
      kind: 'labor',
      description: 'Labor',
      quantity: '1',
      unitPriceCents: 10_000,
      taxRateBasisPoints: 0,
      lineTotalCents: 10_000,
      taxCents: 0,
    });
    return invoice!;
  });
}

describe('opening a job card', () => {
  it('gives a worker at the front desk the next job number, status created and a first history row', async () => {
    const admin = await createUser('admin');
    const frontDesk = await createUser('worker', 'Front Desk');
    const { vehicle, customer } = await createCustomerWithVehicle(admin);
    const job = await createJob(frontDesk, {
      vehicleId: vehicle.id,
      title: '  Check engine light on  ',
      description: 'Runs rough at idle',
      odometerIn: '50500',
      priority: 'high',
      promisedAt: '2030-05-04',
    });
    expect(job).toMatchObject({
      title: 'Check engine light on',
      status: 'created',
      priority: 'high',
      odometerIn: 50_500,
      version: 1,
      createdBy: frontDesk.id,
      creator: { id: frontDesk.id, name: 'Front Desk' },
      vehicle: { id: vehicle.id },
      customer: { id: customer.id, name: customer.name },
      assignees: [],
    });
    expect(job.number).toMatch(/^J-\d{6}$/);
    expect(job.number).toBe(`J-${String(job.sequence).padStart(6, '0')}`);
    expect(job.promisedAt?.toISOString().slice(0, 10)).toBe('2030-05-04');

    const history = await historyRows(job.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fromStatus: null, toStatus: 'created', changedBy: frontDesk.id });
  });

  it('numbers jobs in increasing order', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const first = await createJob(admin, { vehicleId: vehicle.id, title: 'First' });
    const second = await createJob(admin, { vehicleId: vehicle.id, title: 'Second' });
    const [third, fourth] = await Promise.all([
      createJob(admin, { vehicleId: vehicle.id, title: 'Third' }),
      createJob(admin, { vehicleId: vehicle.id, title: 'Fourth' }),
    ]);
    expect(second.sequence).toBeGreaterThan(first.sequence);
    expect(third.sequence).toBeGreaterThan(second.sequence);
    expect(fourth.sequence).toBeGreaterThan(second.sequence);
    expect(new Set([first.number, second.number, third.number, fourth.number]).size).toBe(4);
  });

  it('asks to confirm an odometer reading below the vehicle’s last one, and raises the vehicle’s reading when higher', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin); // odometer 50,000
    const error = await domainError(() =>
      createJob(admin, { vehicleId: vehicle.id, title: 'Oil change', odometerIn: 49_000 }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.fieldErrors.odometerIn?.[0]).toContain('lower');
    expect(error.fieldErrors.confirmLowerOdometer).toBeDefined();
    expect(await db.select().from(jobs).where(eq(jobs.vehicleId, vehicle.id))).toHaveLength(0);

    const confirmed = await createJob(admin, {
      vehicleId: vehicle.id,
      title: 'Oil change',
      odometerIn: '49000',
      confirmLowerOdometer: 'on',
    });
    expect(confirmed.odometerIn).toBe(49_000);
    const [unchanged] = await db
      .select({ odometer: vehicles.odometer })
      .from(vehicles)
      .where(eq(vehicles.id, vehicle.id));
    expect(unchanged!.odometer).toBe(50_000);

    await createJob(admin, { vehicleId: vehicle.id, title: 'Tyres', odometerIn: 52_345 });
    const [raised] = await db.select({ odometer: vehicles.odometer }).from(vehicles).where(eq(vehicles.id, vehicle.id));
    expect(raised!.odometer).toBe(52_345);

    const same = await createJob(admin, { vehicleId: vehicle.id, title: 'Same reading', odometerIn: 52_345 });
    expect(same.odometerIn).toBe(52_345);
  });

  it('refuses a missing title, a bad priority, a bad date and an archived vehicle', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const missing = await domainError(() => createJob(admin, { vehicleId: vehicle.id, title: '   ' }));
    expect(missing.fieldErrors.title).toBeDefined();
    expect(
      (await domainError(() => createJob(admin, { vehicleId: vehicle.id, title: 'X', priority: 'asap' }))).fieldErrors
        .priority,
    ).toBeDefined();
    expect(
      (await domainError(() => createJob(admin, { vehicleId: vehicle.id, title: 'X', promisedAt: 'tomorrow' })))
        .fieldErrors.promisedAt,
    ).toBeDefined();
    expect(
      (await domainError(() => createJob(admin, { vehicleId: vehicle.id, title: 'X', odometerIn: -5 }))).fieldErrors
        .odometerIn,
    ).toBeDefined();
    await db.update(vehicles).set({ archivedAt: new Date() }).where(eq(vehicles.id, vehicle.id));
    expect(
      (await domainError(() => createJob(admin, { vehicleId: vehicle.id, title: 'X' }))).fieldErrors.vehicleId,
    ).toBeDefined();
    expect(await refusal(() => createJob(null, { vehicleId: vehicle.id, title: 'X' }))).toBe('unauthorized');
  });

  it('finds active vehicles by plate, VIN or customer name for a new job', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    const tag = randomUUID().slice(0, 6).toUpperCase();
    const [owner] = await db
      .insert(customers)
      .values({ name: `Searchable ${tag} Owner`, createdBy: admin.id })
      .returning();
    const [car] = await db
      .insert(vehicles)
      .values({ customerId: owner!.id, make: 'Honda', model: 'Civic', plate: `PL-${tag}`, vin: `VIN${tag}ABCDE` })
      .returning();
    const [old] = await db
      .insert(vehicles)
      .values({ customerId: owner!.id, make: 'Honda', model: 'Jazz', plate: `OLD-${tag}`, archivedAt: new Date() })
      .returning();
    for (const q of [`PL-${tag}`, `vin${tag}`, `searchable ${tag}`]) {
      const { data } = await searchVehiclesForJob(worker, { q });
      expect(data.map((vehicle) => vehicle.id)).toContain(car!.id);
      expect(data.map((vehicle) => vehicle.id)).not.toContain(old!.id);
    }
    // one or two letters: the start of a word in plate, VIN or the owner's name or company
    const [greek] = await db
      .insert(customers)
      .values({ name: `Ρο${tag} Owner`, company: `Σι${tag}`, createdBy: admin.id })
      .returning();
    const [greekCar] = await db
      .insert(vehicles)
      .values({ customerId: greek!.id, make: 'Honda', model: 'Fit', plate: `ΤΥ-${tag}` })
      .returning();
    const found = async (q: string) =>
      (await allIds((cursor) => searchVehiclesForJob(worker, { q, limit: 50, cursor }))).includes(greekCar!.id);
    for (const q of ['ρο', 'σι', 'τυ', 'ΡΟ']) expect(await found(q), q).toBe(true);
    for (const q of ['ο', 'ι', 'υ']) expect(await found(q), q).toBe(false);
    expect((await getVehicleForJob(worker, car!.id)).customer.name).toBe(owner!.name);
    expect(await refusal(() => getVehicleForJob(worker, old!.id))).toBe('not_found');
  });
});

describe('status transitions', () => {
  const allStatuses: JobStatus[] = ['created', 'in_progress', 'waiting_for_parts', 'completed', 'cancelled'];
  const cases = allStatuses.flatMap((from) => allStatuses.filter((to) => to !== from).map((to) => [from, to] as const));

  it.each(cases)('from %s to %s follows the transition table', async (from, to) => {
    const { admin, mechanic, job } = await shop();
    await walkTo(admin, job.id, from);
    const before = await jobRow(job.id);
    const historyBefore = await historyRows(job.id);
    const actor = from === 'completed' ? admin : mechanic; // only an admin may reopen
    const outcome = await refusal(() => changeJobStatus(actor, job.id, { status: to, reason: 'Because' }));
    if (jobTransitions[from].includes(to)) {
      expect(outcome).toBe('allowed');
      const after = await jobRow(job.id);
      expect(after.status).toBe(to);
      expect(after.version).toBe(before.version + 1);
      expect(after.completedAt !== null).toBe(to === 'completed');
      expect(after.cancelledAt !== null).toBe(to === 'cancelled');
      const history = await historyRows(job.id);
      expect(history).toHaveLength(historyBefore.length + 1);
      expect(history.at(-1)).toMatchObject({ fromStatus: from, toStatus: to, changedBy: actor.id, reason: 'Because' });
    } else {
      expect(outcome).toBe('conflict');
      expect(await jobRow(job.id)).toEqual(before);
      expect(await historyRows(job.id)).toHaveLength(historyBefore.length);
    }
  });

  it('lets an assigned mechanic start, wait for parts, resume and complete, each change in the timeline', async () => {
    const { mechanic, job } = await shop();
    for (const status of ['in_progress', 'waiting_for_parts', 'in_progress', 'completed'] as const) {
      await changeJobStatus(mechanic, job.id, { status });
    }
    const history = await getJobHistory(mechanic, job.id);
    expect(history.map((change) => [change.fromStatus, change.toStatus])).toEqual([
      [null, 'created'],
      ['created', 'in_progress'],
      ['in_progress', 'waiting_for_parts'],
      ['waiting_for_parts', 'in_progress'],
      ['in_progress', 'completed'],
    ]);
    expect(
      history
        .slice(1)
        .every((change) => change.changedBy.id === mechanic.id && change.changedBy.name === 'Assigned Mechanic'),
    ).toBe(true);
    const done = await getJob(mechanic, job.id);
    expect(done.status).toBe('completed');
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(done.version).toBe(5);
  });

  it('needs a reason to cancel, and keeps it on the job and in the history', async () => {
    const { mechanic, job } = await shop();
    const error = await domainError(() => changeJobStatus(mechanic, job.id, { status: 'cancelled' }));
    expect(error.kind).toBe('invalid');
    expect(error.fieldErrors.reason).toBeDefined();
    expect(await refusal(() => changeJobStatus(mechanic, job.id, { status: 'cancelled', reason: '   ' }))).toBe(
      'invalid',
    );
    expect((await jobRow(job.id)).status).toBe('created');
    expect(await historyRows(job.id)).toHaveLength(1);

    const cancelled = await changeJobStatus(mechanic, job.id, {
      status: 'cancelled',
      reason: 'Customer declined the estimate',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Customer declined the estimate' });
    expect((await historyRows(job.id)).at(-1)).toMatchObject({
      toStatus: 'cancelled',
      reason: 'Customer declined the estimate',
    });
  });

  it('lets only an admin reopen a completed job', async () => {
    const { admin, mechanic, job } = await shop();
    await walkTo(mechanic, job.id, 'completed');
    expect(await refusal(() => changeJobStatus(mechanic, job.id, { status: 'in_progress' }))).toBe('forbidden');
    expect((await getJob(mechanic, job.id)).permissions.nextStatuses).toEqual([]);
    expect((await getJob(admin, job.id)).permissions.nextStatuses).toEqual(['in_progress']);
    const reopened = await changeJobStatus(admin, job.id, { status: 'in_progress', reason: 'Noise came back' });
    expect(reopened.status).toBe('in_progress');
    expect(reopened.completedAt).toBeNull();
    expect((await historyRows(job.id)).at(-1)).toMatchObject({
      fromStatus: 'completed',
      toStatus: 'in_progress',
      changedBy: admin.id,
    });
  });

  it('refuses to reopen a job with an issued invoice, and allows it once the invoice is void', async () => {
    const { admin, job } = await shop();
    await walkTo(admin, job.id, 'completed');
    const invoice = await issueInvoice(job.id, admin.id);
    expect((await getJob(admin, job.id)).liveInvoice).toMatchObject({ id: invoice.id });
    expect((await getJob(admin, job.id)).permissions.nextStatuses).toEqual([]);
    const before = await historyRows(job.id);
    expect(await refusal(() => changeJobStatus(admin, job.id, { status: 'in_progress' }))).toBe('conflict');
    expect((await jobRow(job.id)).status).toBe('completed');
    expect(await historyRows(job.id)).toHaveLength(before.length);

    await db
      .update(invoices)
      .set({ status: 'void', voidedAt: new Date(), voidedBy: admin.id, voidReason: 'Wrong lines' })
      .where(eq(invoices.id, invoice.id));
    expect((await changeJobStatus(admin, job.id, { status: 'in_progress' })).status).toBe('in_progress');
  });

  it('lets only the admin or an assigned worker change the status', async () => {
    const { admin, job } = await shop();
    const creator = await createUser('worker', 'Front Desk');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const own = await createJob(creator, { vehicleId: vehicle.id, title: 'Battery keeps dying' });
    // The creator sees the job but may not work it until assigned.
    expect((await getJob(creator, own.id)).permissions.canChangeStatus).toBe(false);
    expect(await refusal(() => changeJobStatus(creator, own.id, { status: 'in_progress' }))).toBe('forbidden');
    expect((await jobRow(own.id)).status).toBe('created');
    await setJobAssignees(admin, own.id, { userIds: [creator.id] });
    expect((await changeJobStatus(creator, own.id, { status: 'in_progress' })).status).toBe('in_progress');

    // A worker who neither created nor is assigned to the job does not even see it.
    const stranger = await createUser('worker');
    expect(await refusal(() => changeJobStatus(stranger, job.id, { status: 'in_progress' }))).toBe('not_found');
    expect(await refusal(() => changeJobStatus(null, job.id, { status: 'in_progress' }))).toBe('unauthorized');
    expect((await changeJobStatus(admin, job.id, { status: 'in_progress' })).status).toBe('in_progress');
  });

  it('stops a mechanic who was unassigned from changing the status', async () => {
    const { admin, mechanic, job } = await shop();
    await setJobAssignees(admin, job.id, { userIds: [] });
    expect(await refusal(() => changeJobStatus(mechanic, job.id, { status: 'in_progress' }))).toBe('not_found');
  });

  it('a status change that waited for an unassignment sees it', async () => {
    const { admin, mechanic, job } = await shop();
    const attempt = await duringUnassignment(job.id, admin, () =>
      refusal(() => changeJobStatus(mechanic, job.id, { status: 'in_progress' })),
    );
    expect(attempt).not.toBe('allowed');
    expect((await jobRow(job.id)).status).toBe('created');
    expect(await historyRows(job.id)).toHaveLength(1);
  });

  it('refuses a stale version on a status change', async () => {
    const { mechanic, job } = await shop();
    await updateJob(mechanic, job.id, { version: 1, title: 'Brakes squeal badly' });
    const error = await domainError(() => changeJobStatus(mechanic, job.id, { status: 'in_progress', version: 1 }));
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('changed by someone else — reload');
    expect((await changeJobStatus(mechanic, job.id, { status: 'in_progress', version: 2 })).version).toBe(3);
  });

  it('applies concurrent status changes one at a time, one history row per applied change', async () => {
    const { admin, mechanic, job } = await shop();
    const attempts = await Promise.all([
      refusal(() => changeJobStatus(mechanic, job.id, { status: 'in_progress' })),
      refusal(() => changeJobStatus(admin, job.id, { status: 'in_progress' })),
      refusal(() => changeJobStatus(mechanic, job.id, { status: 'in_progress' })),
      refusal(() => changeJobStatus(admin, job.id, { status: 'cancelled', reason: 'Duplicate card' })),
    ]);
    const applied = attempts.filter((outcome) => outcome === 'allowed').length;
    expect(attempts.every((outcome) => outcome === 'allowed' || outcome === 'conflict')).toBe(true);
    const history = await historyRows(job.id);
    expect(history).toHaveLength(1 + applied);
    const row = await jobRow(job.id);
    expect(row.version).toBe(1 + applied);
    expect(history.at(-1)!.toStatus).toBe(row.status);
    // Each history row starts where the previous one ended.
    for (let index = 1; index < history.length; index++) {
      expect(history[index]!.fromStatus).toBe(history[index - 1]!.toStatus);
    }

    const later = await Promise.all(
      Array.from({ length: 5 }, () => refusal(() => changeJobStatus(admin, job.id, { status: 'waiting_for_parts' }))),
    );
    const nowApplied = later.filter((outcome) => outcome === 'allowed').length;
    expect(nowApplied).toBeLessThanOrEqual(1);
    expect(await historyRows(job.id)).toHaveLength(history.length + nowApplied);
  });
});

describe('assignment', () => {
  it('lets an admin assign and unassign workers, keeping one row per job and worker', async () => {
    const { admin, mechanic, job } = await shop();
    const second = await createUser('worker', 'Second Mechanic');
    expect(
      (await setJobAssignees(admin, job.id, { userIds: [mechanic.id, second.id] })).map((person) => person.id).sort(),
    ).toEqual([mechanic.id, second.id].sort());
    // The job itself, and every list it appears in, shows its assignees by name.
    const both = [
      { id: mechanic.id, name: 'Assigned Mechanic' },
      { id: second.id, name: 'Second Mechanic' },
    ];
    expect((await getJob(admin, job.id)).assignees).toEqual(both);
    expect(
      (await listJobs(admin, { vehicleId: job.vehicleId })).data.find((item) => item.id === job.id)?.assignees,
    ).toEqual(both);
    expect((await listMyJobs(second)).open.find((item) => item.id === job.id)?.assignees).toEqual(both);
    const board = await listJobsForBoard(admin, { worker: second.id });
    expect(board.columns.flatMap((column) => column.jobs).find((item) => item.id === job.id)?.assignees).toEqual(both);
    expect(await setJobAssignees(admin, job.id, { userIds: [second.id] })).toEqual([
      { id: second.id, name: 'Second Mechanic' },
    ]);
    const [unassigned] = await db
      .select()
      .from(jobAssignments)
      .where(and(eq(jobAssignments.jobId, job.id), eq(jobAssignments.workerId, mechanic.id)));
    expect(unassigned).toMatchObject({ unassignedBy: admin.id });
    expect(unassigned!.unassignedAt).toBeInstanceOf(Date);

    await setJobAssignees(admin, job.id, { userIds: [second.id, mechanic.id] });
    await setJobAssignees(admin, job.id, { userIds: [] });
    await setJobAssignees(admin, job.id, { userIds: [mechanic.id, mechanic.id] });
    const rows = await db.select().from(jobAssignments).where(eq(jobAssignments.jobId, job.id));
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.workerId === mechanic.id)).toMatchObject({
      unassignedAt: null,
      unassignedBy: null,
      assignedBy: admin.id,
    });
    expect(rows.find((row) => row.workerId === second.id)!.unassignedAt).toBeInstanceOf(Date);
    expect((await getJob(admin, job.id)).assignees).toEqual([{ id: mechanic.id, name: 'Assigned Mechanic' }]);
  });

  it('assigns only active workers', async () => {
    const { admin, job } = await shop();
    const [former] = await db
      .insert(users)
      .values({
        email: `former-${randomUUID()}@test.example`,
        name: 'Former',
        passwordHash: 'x',
        active: false,
        deactivatedAt: new Date(),
      })
      .returning();
    const otherAdmin = await createUser('admin');
    for (const userId of [former!.id, otherAdmin.id, randomUUID()]) {
      const error = await domainError(() => setJobAssignees(admin, job.id, { userIds: [userId] }));
      expect(error.kind).toBe('invalid');
      expect(error.fieldErrors.userIds).toBeDefined();
    }
    expect(await refusal(() => setJobAssignees(admin, job.id, { userIds: ['not-a-uuid'] }))).toBe('invalid');
    expect((await getJob(admin, job.id)).assignees).toHaveLength(1);
  });

  it('refuses assignment by a worker, even one assigned to the job', async () => {
    const { mechanic, job } = await shop();
    const other = await createUser('worker');
    expect(await refusal(() => setJobAssignees(mechanic, job.id, { userIds: [mechanic.id, other.id] }))).toBe(
      'forbidden',
    );
    expect(await db.select().from(jobAssignments).where(eq(jobAssignments.jobId, job.id))).toHaveLength(1);
  });

  it('answers not found for an unknown job', async () => {
    const admin = await createUser('admin');
    expect(await refusal(() => setJobAssignees(admin, randomUUID(), { userIds: [] }))).toBe('not_found');
  });
});

describe('visibility', () => {
  it('a mechanic cannot see a job they are not assigned to and did not create', async () => {
    const { job } = await shop();
    const stranger = await createUser('worker');
    expect(await refusal(() => getJob(stranger, job.id))).toBe('not_found');
    expect(await refusal(() => getJobHistory(stranger, job.id))).toBe('not_found');
    expect(await refusal(() => updateJob(stranger, job.id, { version: 1, title: 'Hijacked' }))).toBe('not_found');
    expect(await refusal(() => getJob(stranger, randomUUID()))).toBe('not_found');
    expect(await refusal(() => getJob(stranger, 'not-a-uuid'))).toBe('not_found');
    expect((await listJobs(stranger, { limit: 100 })).data.map((item) => item.id)).not.toContain(job.id);
    expect(await refusal(() => listJobsForBoard(stranger))).toBe('forbidden');
  });

  it('a mechanic sees the jobs assigned to them and the ones they created; the admin sees all', async () => {
    const { admin, mechanic, job } = await shop();
    const { vehicle } = await createCustomerWithVehicle(admin);
    const own = await createJob(mechanic, { vehicleId: vehicle.id, title: 'Coolant leak' });
    const other = await createJob(admin, { vehicleId: vehicle.id, title: 'Not theirs' });
    const visible = (await listJobs(mechanic, { limit: 100 })).data.map((item) => item.id);
    expect(visible).toEqual(expect.arrayContaining([job.id, own.id]));
    expect(visible).not.toContain(other.id);
    expect((await getJob(mechanic, own.id)).permissions).toMatchObject({
      canChangeStatus: false,
      canAddNote: false,
      canEdit: true,
      canAssign: false,
    });
    expect((await listJobs(admin, { limit: 100 })).data.map((item) => item.id)).toEqual(
      expect.arrayContaining([job.id, own.id, other.id]),
    );
    expect((await listJobs(mechanic, { assignee: 'me' })).data.map((item) => item.id)).toEqual([job.id]);
  });
});

describe('editing a job', () => {
  it('two edits with the same version: exactly one wins, the other is told to reload', async () => {
    const { admin, mechanic, job } = await shop();
    await updateJob(mechanic, job.id, { version: 1, title: 'Front brakes squeal' });
    const error = await domainError(() => updateJob(admin, job.id, { version: 1, description: 'Overwrites?' }));
    expect(error.kind).toBe('conflict');
    expect(error.message).toBe(JOB_CHANGED_MESSAGE);
    expect(error.message).toContain('changed by someone else — reload');
    const row = await jobRow(job.id);
    expect(row).toMatchObject({ title: 'Front brakes squeal', description: null, version: 2 });
  });

  it('two tablets saving at once: exactly one save wins', async () => {
    const { admin, mechanic, job } = await shop();
    const outcomes = await Promise.all([
      refusal(() => updateJob(mechanic, job.id, { version: 1, title: 'From tablet A' })),
      refusal(() => updateJob(admin, job.id, { version: 1, title: 'From tablet B' })),
    ]);
    expect(outcomes.sort()).toEqual(['allowed', 'conflict']);
    const row = await jobRow(job.id);
    expect(row.version).toBe(2);
    expect(['From tablet A', 'From tablet B']).toContain(row.title);
  });

  it('saves the fields it is given, clears the ones set to null and keeps the rest', async () => {
    const { admin, job } = await shop();
    const saved = await updateJob(admin, job.id, {
      version: '1',
      title: 'New title',
      description: 'Pads at 2 mm',
      priority: 'urgent',
      promisedAt: '2031-01-02',
      odometerIn: '50200',
    });
    expect(saved).toMatchObject({
      title: 'New title',
      description: 'Pads at 2 mm',
      priority: 'urgent',
      odometerIn: 50_200,
      version: 2,
    });
    const cleared = await updateJob(admin, job.id, { version: 2, description: null, promisedAt: null });
    expect(cleared).toMatchObject({
      title: 'New title',
      description: null,
      promisedAt: null,
      priority: 'urgent',
      version: 3,
    });
    expect(await refusal(() => updateJob(admin, job.id, { title: 'No version' }))).toBe('invalid');
    const lower = await domainError(() => updateJob(admin, job.id, { version: 3, odometerIn: 1_000 }));
    expect(lower.fieldErrors.odometerIn).toBeDefined();
    expect(
      (await updateJob(admin, job.id, { version: 3, odometerIn: 1_000, confirmLowerOdometer: true })).odometerIn,
    ).toBe(1_000);
  });

  it('lets a worker edit only open jobs they work on or created', async () => {
    const { admin, mechanic, job } = await shop();
    await walkTo(mechanic, job.id, 'completed');
    const version = (await jobRow(job.id)).version;
    expect(await refusal(() => updateJob(mechanic, job.id, { version, title: 'Too late' }))).toBe('conflict');
    expect((await updateJob(admin, job.id, { version, title: 'Admin fixes a typo' })).title).toBe('Admin fixes a typo');
  });
});

describe('lists and boards', () => {
  it('lists jobs newest number first with a cursor, filtered by status, vehicle and assignee', async () => {
    const { admin, mechanic, vehicle } = await shop();
    const more = [];
    for (let index = 0; index < 4; index++)
      more.push(await createJob(admin, { vehicleId: vehicle.id, title: `Job ${index}` }));
    await changeJobStatus(admin, more[0]!.id, { status: 'in_progress' });

    const first = await listJobs(admin, { vehicleId: vehicle.id, limit: 3 });
    expect(first.data).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await listJobs(admin, { vehicleId: vehicle.id, limit: 3, cursor: first.nextCursor! });
    const all = [...first.data, ...second.data].map((item) => item.sequence);
    expect(all).toHaveLength(5);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect(second.nextCursor).toBeNull();

    expect(
      (await listJobs(admin, { vehicleId: vehicle.id, status: 'in_progress' })).data.map((item) => item.id),
    ).toEqual([more[0]!.id]);
    expect((await listJobs(admin, { assignee: mechanic.id, vehicleId: vehicle.id })).data).toHaveLength(1);
    expect(await refusal(() => listJobs(admin, { cursor: 'garbage' }))).toBe('invalid');
    expect(await refusal(() => listJobs(admin, { status: 'finished' as JobStatus }))).toBe('invalid');
  });

  it('shows the admin a board with a column per status, counts, filters and the oldest promise first', async () => {
    const admin = await createUser('admin');
    const mechanic = await createUser('worker');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const late = await createJob(admin, {
      vehicleId: vehicle.id,
      title: 'Late',
      priority: 'urgent',
      promisedAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const soon = await createJob(admin, {
      vehicleId: vehicle.id,
      title: 'Soon',
      priority: 'urgent',
      promisedAt: '2100-01-01',
    });
    const later = await createJob(admin, {
      vehicleId: vehicle.id,
      title: 'Later',
      priority: 'urgent',
      promisedAt: '2100-06-01',
    });
    await setJobAssignees(admin, soon.id, { userIds: [mechanic.id] });

    const board = await listJobsForBoard(admin, { priority: 'urgent' });
    expect(board.columns.map((column) => column.status)).toEqual([
      'created',
      'in_progress',
      'waiting_for_parts',
      'completed',
      'cancelled',
    ]);
    const created = board.columns[0]!;
    const mine = created.jobs.filter((item) => [late.id, soon.id, later.id].includes(item.id)).map((item) => item.id);
    expect(mine).toEqual([late.id, soon.id, later.id]);
    expect(created.count).toBeGreaterThanOrEqual(3);

    const overdue = await listJobsForBoard(admin, { overdue: 'on' });
    const overdueIds = overdue.columns.flatMap((column) => column.jobs.map((item) => item.id));
    expect(overdueIds).toContain(late.id);
    expect(overdueIds).not.toContain(soon.id);
    expect(overdue.columns.find((column) => column.status === 'completed')!.count).toBe(0);
    expect(created.jobs.find((item) => item.id === late.id)!.overdue).toBe(true);

    const byWorker = await listJobsForBoard(admin, { worker: mechanic.id });
    expect(byWorker.columns.flatMap((column) => column.jobs.map((item) => item.id))).toEqual([soon.id]);
    expect(byWorker.columns[0]!.count).toBe(1);

    const bounded = await listJobsForBoard(admin, { perColumn: 1 });
    expect(bounded.columns[0]!.jobs).toHaveLength(1);
    expect(bounded.columns[0]!.count).toBeGreaterThanOrEqual(3);
  });

  it('opens the board unfiltered with every column in its own order, the closed ones reaching back 30 days', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const db = await getDb();
    const day = 86_400_000;
    // Closed now (the newest of the whole database, so first in its column), or moved back to `at`.
    const closedAt = async (status: 'completed' | 'cancelled', at: Date | null) => {
      const job = await createJob(admin, { vehicleId: vehicle.id, title: `${status} ${at?.toISOString() ?? 'now'}` });
      await walkTo(admin, job.id, status);
      if (at) {
        await db
          .update(jobs)
          .set(status === 'completed' ? { completedAt: at } : { cancelledAt: at })
          .where(eq(jobs.id, job.id));
      }
      return job.id;
    };
    const longCompleted = await closedAt('completed', new Date(Date.now() - 40 * day));
    const longCancelled = await closedAt('cancelled', new Date(Date.now() - 40 * day));
    const recentlyCompleted = await closedAt('completed', null);
    const recentlyCancelled = await closedAt('cancelled', null);
    const first = await createJob(admin, { vehicleId: vehicle.id, title: 'Promised before any other' });
    // Other files leave created jobs with all kinds of promises (property tests among them): this one goes first.
    const [earliest] = await db
      .select({ seconds: sql<number | null>`extract(epoch from min(${jobs.promisedAt}))::float8` })
      .from(jobs)
      .where(eq(jobs.status, 'created'));
    const before = new Date((earliest?.seconds != null ? earliest.seconds * 1000 : Date.now()) - day);
    await db.update(jobs).set({ promisedAt: before }).where(eq(jobs.id, first.id));

    const board = await listJobsForBoard(admin);
    expect(board.columns.map((column) => column.status)).toEqual(jobStatus.enumValues);
    const time = (date: Date | null) => date?.getTime() ?? Number.POSITIVE_INFINITY;
    for (const column of board.columns) {
      expect(column.jobs.length).toBeLessThanOrEqual(50);
      expect(column.count).toBeGreaterThanOrEqual(column.jobs.length);
      expect(column.jobs.every((job) => job.status === column.status)).toBe(true);
      const key = (job: (typeof column.jobs)[number]): [number, number] =>
        column.status === 'completed'
          ? [-time(job.completedAt), -job.sequence]
          : column.status === 'cancelled'
            ? [-time(job.cancelledAt), -job.sequence]
            : [time(job.promisedAt), job.sequence];
      const keys = column.jobs.map(key);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(keys).toEqual(sorted);
    }
    const column = (status: JobStatus) => board.columns.find((item) => item.status === status)!;
    const ids = (status: JobStatus) => column(status).jobs.map((job) => job.id);
    expect(ids('created')[0]).toBe(first.id);
    expect(ids('completed')[0]).toBe(recentlyCompleted);
    expect(ids('completed')).not.toContain(longCompleted);
    expect(ids('cancelled')[0]).toBe(recentlyCancelled);
    expect(ids('cancelled')).not.toContain(longCancelled);
    expect(column('completed').since!.getTime()).toBeGreaterThan(Date.now() - 30 * day - 60_000);

    // The counts are the database's own, column by column.
    const [truth] = await db
      .select({
        created: sql<number>`count(*) filter (where ${jobs.status} = 'created')::int`,
        inProgress: sql<number>`count(*) filter (where ${jobs.status} = 'in_progress')::int`,
        waiting: sql<number>`count(*) filter (where ${jobs.status} = 'waiting_for_parts')::int`,
        completed: sql<number>`count(*) filter (where ${jobs.status} = 'completed' and ${jobs.completedAt} >= now() - interval '30 days')::int`,
        cancelled: sql<number>`count(*) filter (where ${jobs.status} = 'cancelled' and ${jobs.cancelledAt} >= now() - interval '30 days')::int`,
      })
      .from(jobs);
    expect(board.columns.map((item) => item.count)).toEqual([
      truth!.created,
      truth!.inProgress,
      truth!.waiting,
      truth!.completed,
      truth!.cancelled,
    ]);

    // A smaller page is the same board cut short, and a filter (a statement built for it) agrees with it.
    const short = await listJobsForBoard(admin, { perColumn: 1 });
    expect(short.columns.map((item) => item.jobs.map((job) => job.id))).toEqual(
      board.columns.map((item) => item.jobs.slice(0, 1).map((job) => job.id)),
    );
    expect(short.columns.map((item) => item.count)).toEqual(board.columns.map((item) => item.count));
    const normal = await listJobsForBoard(admin, { priority: 'normal' });
    for (const [index, item] of normal.columns.entries()) {
      const expected = board.columns[index]!.jobs.filter((job) => job.priority === 'normal').map((job) => job.id);
      expect(item.jobs.map((job) => job.id).slice(0, expected.length)).toEqual(expected.slice(0, item.jobs.length));
    }
  });

  it('gives a mechanic their assigned jobs, open ones first, then recently completed', async () => {
    const { admin, mechanic, vehicle, job } = await shop();
    const done = await createJob(admin, { vehicleId: vehicle.id, title: 'Done already' });
    const dropped = await createJob(admin, { vehicleId: vehicle.id, title: 'Dropped' });
    await createJob(admin, { vehicleId: vehicle.id, title: 'Someone else’s' });
    await setJobAssignees(admin, done.id, { userIds: [mechanic.id] });
    await setJobAssignees(admin, dropped.id, { userIds: [mechanic.id] });
    await walkTo(mechanic, done.id, 'completed');
    await walkTo(mechanic, dropped.id, 'cancelled');
    const mine = await listMyJobs(mechanic);
    expect(mine.open.map((item) => item.id)).toEqual([job.id]);
    expect(mine.recentlyCompleted.map((item) => item.id)).toEqual([done.id]);
    expect((await listMyJobs(admin)).open).toEqual([]);
  });
});
