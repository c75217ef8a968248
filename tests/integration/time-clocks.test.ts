// Time clocks on PostgreSQL: one running clock per technician, clocking on and switching jobs, concurrency, the
// clocks that stop by themselves, who may clock, and the job page (database refusals: time-corrections.test.ts).
import { and, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/db/core/actor';
import { getDb, type Database } from '@/db/client';
import { changeJobStatus, createJob, getJobHistory, setJobAssignees } from '@/db/jobs';
import { jobStatusChanges, timeEntries } from '@/db/schema';
import {
  adjustTimeEntry,
  getJobClockedTime,
  getMyRunningClock,
  listTimeEntries,
  startClock,
  stopClock,
} from '@/db/time';
import { deactivateUser } from '@/db/users';
import { allIds, createCustomerWithVehicle, createUser, refusal, refusalKind } from './support';
import { jobAssignedTo, pastEntry } from './time-support';

let db: Database;
let admin: Actor;
beforeAll(async () => {
  db = await getDb();
  admin = await createUser('admin');
});

const jobFor = (...workers: Actor[]) => jobAssignedTo(admin, workers);

async function runningOf(userId: string) {
  return db
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.userId, userId), isNull(timeEntries.endedAt)));
}

describe('clocking on and off', () => {
  it('a mechanic clocks on an assigned job, which moves from created to in progress with one history row', async () => {
    const mechanic = await createUser('worker');
    const job = await jobFor(mechanic);
    const started = await startClock(mechanic, job.id);
    expect(started).toMatchObject({ userId: mechanic.id, jobId: job.id, endedAt: null, voided: false, stopped: null });
    expect(started.durationSeconds).toBeGreaterThanOrEqual(0);
    const history = await getJobHistory(admin, job.id);
    expect(history.map((row) => row.toStatus)).toEqual(['created', 'in_progress']);
    const changes = await db.select().from(jobStatusChanges).where(eq(jobStatusChanges.jobId, job.id));
    expect(changes).toHaveLength(2);
    expect(await getMyRunningClock(mechanic)).toMatchObject({ id: started.id, jobNumber: expect.any(Number) });
  });

  it('starting on another job stops the running clock first, at the same instant', async () => {
    const mechanic = await createUser('worker');
    const first = await jobFor(mechanic);
    const second = await jobFor(mechanic);
    const one = await startClock(mechanic, first.id);
    const two = await startClock(mechanic, second.id);
    expect(two.stopped).toMatchObject({ id: one.id, jobId: first.id });
    expect(two.stopped!.endedAt!.getTime()).toBe(two.startedAt.getTime());
    const [stoppedRow] = await db.select().from(timeEntries).where(eq(timeEntries.id, one.id));
    const [startedRow] = await db.select().from(timeEntries).where(eq(timeEntries.id, two.id));
    const touching = await db.execute(
      sql`select ${stoppedRow!.id}::uuid is not null and (select ended_at from time_entries where id = ${one.id}) = (select started_at from time_entries where id = ${two.id}) as same`,
    );
    expect((touching as unknown as { rows: { same: boolean }[] }).rows[0]!.same).toBe(true);
    expect(startedRow!.endedAt).toBeNull();
    expect(await runningOf(mechanic.id)).toHaveLength(1);
  });

  it('stopping answers the entry; stopping again is a conflict', async () => {
    const mechanic = await createUser('worker');
    const job = await jobFor(mechanic);
    await startClock(mechanic, job.id);
    const stopped = await stopClock(mechanic, job.id);
    expect(stopped.endedAt).toBeInstanceOf(Date);
    expect(await refusalKind(() => stopClock(mechanic, job.id))).toBe('conflict');
    expect(await getMyRunningClock(mechanic)).toBeNull();
  });

  it('ten parallel starts by one technician leave exactly one running entry', async () => {
    const mechanic = await createUser('worker');
    const jobs = await Promise.all(Array.from({ length: 5 }, () => jobFor(mechanic)));
    const answers = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) => startClock(mechanic, jobs[index % jobs.length]!.id)),
    );
    expect(answers.filter((answer) => answer.status === 'fulfilled').length).toBeGreaterThan(0);
    for (const answer of answers)
      if (answer.status === 'rejected') expect((answer.reason as { kind?: string }).kind).toBe('conflict');
    expect(await runningOf(mechanic.id)).toHaveLength(1);
    const all = await db.select().from(timeEntries).where(eq(timeEntries.userId, mechanic.id));
    expect(all.filter((entry) => entry.endedAt === null)).toHaveLength(1);
  });

  it('a stop racing a status change stops the clock once', async () => {
    const mechanic = await createUser('worker');
    const job = await jobFor(mechanic);
    const entry = await startClock(mechanic, job.id);
    const [stop, change] = await Promise.allSettled([
      stopClock(mechanic, job.id),
      changeJobStatus(admin, job.id, { status: 'waiting_for_parts' }),
    ]);
    expect(change.status).toBe('fulfilled');
    if (stop.status === 'rejected') expect((stop.reason as { kind?: string }).kind).toBe('conflict');
    const [row] = await db.select().from(timeEntries).where(eq(timeEntries.id, entry.id));
    expect(row!.endedAt).not.toBeNull();
    const updates = await db.execute(
      sql`select count(*)::int as n from audit_events where entity = 'time_entries' and entity_id = ${entry.id} and action = 'update'`,
    );
    expect((updates as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  it('closed jobs and jobs waiting for parts take no clock', async () => {
    const mechanic = await createUser('worker');
    const job = await jobFor(mechanic);
    await changeJobStatus(admin, job.id, { status: 'in_progress' });
    await changeJobStatus(admin, job.id, { status: 'waiting_for_parts' });
    expect(await refusalKind(() => startClock(mechanic, job.id))).toBe('conflict');
    await changeJobStatus(admin, job.id, { status: 'cancelled', reason: 'Customer withdrew' });
    expect(await refusalKind(() => startClock(mechanic, job.id))).toBe('conflict');
  });
});

describe('who may clock', () => {
  it('a worker clocks only on jobs assigned to them, and only themselves', async () => {
    const mechanic = await createUser('worker');
    const other = await createUser('worker');
    const job = await jobFor(mechanic);
    expect(await refusalKind(() => startClock(other, job.id))).toBe('not_found');
    expect(await refusalKind(() => startClock(mechanic, job.id, { userId: other.id }))).toBe('forbidden');
    const creatorJob = await createJob(other, {
      vehicleId: (await createCustomerWithVehicle(admin)).vehicle.id,
      title: 'Oil',
    });
    expect(await refusalKind(() => startClock(other, creatorJob.id))).toBe('forbidden');
  });

  it('an admin clocks any active technician on and off', async () => {
    const mechanic = await createUser('worker');
    const job = await jobFor(mechanic);
    const started = await startClock(admin, job.id, { userId: mechanic.id });
    expect(started.userId).toBe(mechanic.id);
    const stopped = await stopClock(admin, job.id, { userId: mechanic.id });
    expect(stopped.id).toBe(started.id);
    const inactive = await createUser('worker');
    await deactivateUser(admin, inactive.id);
    const refused = await refusal(() => startClock(admin, job.id, { userId: inactive.id }));
    expect(refused !== 'allowed' && refused.fieldErrors.userId).toBeTruthy();
  });

  it('a worker lists only their own entries; asking for someone else is forbidden', async () => {
    const mechanic = await createUser('worker');
    const other = await createUser('worker');
    const job = await jobFor(mechanic, other);
    const mine = await startClock(mechanic, job.id);
    const theirs = await startClock(other, job.id);
    const listed = await allIds((cursor) => listTimeEntries(mechanic, { cursor, jobId: job.id }));
    expect(listed).toEqual([mine.id]);
    expect(await refusalKind(() => listTimeEntries(mechanic, { userId: other.id }))).toBe('forbidden');
    const adminList = await allIds((cursor) => listTimeEntries(admin, { cursor, jobId: job.id, limit: 1 }));
    expect(adminList.sort()).toEqual([mine.id, theirs.id].sort());
  });
});

describe('clocks that stop by themselves', () => {
  it('waiting for parts, completing and cancelling stop every clock on the job', async () => {
    for (const status of ['waiting_for_parts', 'completed', 'cancelled'] as const) {
      const one = await createUser('worker');
      const two = await createUser('worker');
      const job = await jobFor(one, two);
      await startClock(one, job.id);
      await startClock(two, job.id);
      await changeJobStatus(admin, job.id, { status, reason: status === 'cancelled' ? 'No parts' : undefined });
      expect(await runningOf(one.id)).toHaveLength(0);
      expect(await runningOf(two.id)).toHaveLength(0);
    }
  });

  it('unassigning a worker stops their clock on that job only', async () => {
    const leaving = await createUser('worker');
    const staying = await createUser('worker');
    const job = await jobFor(leaving, staying);
    await startClock(leaving, job.id);
    await startClock(staying, job.id);
    await setJobAssignees(admin, job.id, { userIds: [staying.id] });
    expect(await runningOf(leaving.id)).toHaveLength(0);
    expect(await runningOf(staying.id)).toHaveLength(1);
  });

  it('deactivating a technician stops their clock', async () => {
    const mechanic = await createUser('worker');
    const job = await jobFor(mechanic);
    await startClock(mechanic, job.id);
    await deactivateUser(admin, mechanic.id);
    expect(await runningOf(mechanic.id)).toHaveLength(0);
  });
});

describe('the job page', () => {
  it('shows clocked time per technician and in total, voided entries aside', async () => {
    const one = await createUser('worker', 'Ana Clock');
    const two = await createUser('worker', 'Ben Clock');
    const job = await jobFor(one, two);
    await pastEntry(one, job.id, 10, 2);
    await pastEntry(two, job.id, 10, 1);
    const voided = await pastEntry(two, job.id, 5, 1);
    await adjustTimeEntry(admin, voided.id, { void: true, reason: 'Wrong job' });
    const clocked = await getJobClockedTime(one, job.id);
    expect(clocked.technicians.map((row) => [row.name, row.clockedSeconds])).toEqual([
      ['Ana Clock', 7200],
      ['Ben Clock', 3600],
    ]);
    expect(clocked.totalSeconds).toBe(10_800);
    expect(clocked.billedHours).toBe('0.00');
  });
});
