// Time entries on PostgreSQL: what the database refuses (a second running clock, overlaps, an end before the
// start, deletes, any change but a stop) and the admin's append-only corrections.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/db/core/actor';
import { getDb, type Database } from '@/db/client';
import { timeEntries, timeEntryAdjustments } from '@/db/schema';
import { adjustTimeEntry, listTimeAdjustments, startClock } from '@/db/time';
import { createUser, refusal, refusalKind } from './support';
import { jobAssignedTo, pastEntry } from './time-support';

let db: Database;
let admin: Actor;
beforeAll(async () => {
  db = await getDb();
  admin = await createUser('admin');
});

const jobFor = (...workers: Actor[]) => jobAssignedTo(admin, workers);

describe('what the database refuses', () => {
  it('a second running entry, an overlap, an end before the start, a delete and any change but a stop', async () => {
    const mechanic = await createUser('worker');
    const job = await jobFor(mechanic);
    const past = await pastEntry(mechanic, job.id, 5, 2);
    const running = await startClock(mechanic, job.id);
    const insert = (startedAt: Date, endedAt: Date | null) =>
      db.insert(timeEntries).values({
        userId: mechanic.id,
        jobId: job.id,
        startedAt,
        endedAt,
        effectiveStartedAt: startedAt,
        effectiveEndedAt: endedAt,
        source: 'api',
        recordedBy: admin.id,
      });
    const code = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? error;
        return (cause as { code?: string }).code;
      }
      return 'allowed';
    };
    expect(await code(() => insert(new Date(Date.now() - 3600_000), null))).toBe('23505');
    expect(await code(() => insert(new Date(Date.now() - 4.5 * 3600_000), new Date(Date.now() - 4 * 3600_000)))).toBe(
      '23P01',
    );
    expect(await code(() => insert(new Date(Date.now() - 10 * 3600_000), new Date(Date.now() - 11 * 3600_000)))).toBe(
      '23514',
    );
    expect(await code(() => db.delete(timeEntries).where(eq(timeEntries.id, past.id)))).toBe('23001');
    expect(
      await code(() =>
        db
          .update(timeEntries)
          .set({ startedAt: new Date(0) })
          .where(eq(timeEntries.id, past.id)),
      ),
    ).toBe('23514');
    expect(
      await code(() => db.update(timeEntries).set({ endedAt: new Date() }).where(eq(timeEntries.id, past.id))),
    ).toBe('23514');
    expect(await code(() => db.update(timeEntries).set({ voided: true }).where(eq(timeEntries.id, running.id)))).toBe(
      '23514',
    );
  });
});

describe('corrections', () => {
  it('an admin corrects the end with a reason; the entry keeps its recorded times and the history grows', async () => {
    const mechanic = await createUser('worker');
    const job = await jobFor(mechanic);
    const entry = await pastEntry(mechanic, job.id, 10, 3);
    const end = new Date(entry.startedAt.getTime() + 3_600_000);
    const corrected = await adjustTimeEntry(admin, entry.id, { endedAt: end, reason: 'Left for lunch' });
    expect(corrected).toMatchObject({ id: entry.id, endedAt: end, durationSeconds: 3600, adjusted: true });
    const [row] = await db.select().from(timeEntries).where(eq(timeEntries.id, entry.id));
    expect(row!.endedAt).toEqual(entry.endedAt);
    const voided = await adjustTimeEntry(admin, entry.id, { void: true, reason: 'Clocked on the wrong job' });
    expect(voided.voided).toBe(true);
    const history = await listTimeAdjustments(admin, entry.id);
    expect(history.map((row) => row.reason)).toEqual(['Left for lunch', 'Clocked on the wrong job']);
    expect(history[1]).toMatchObject({ void: true, endedAt: end });
    const code = await db
      .update(timeEntryAdjustments)
      .set({ reason: 'x' })
      .where(eq(timeEntryAdjustments.timeEntryId, entry.id))
      .then(
        () => 'allowed',
        (error: { cause?: { code?: string } }) => error.cause?.code,
      );
    expect(code).toBe('23001');
  });

  it('a correction that overlaps another entry of the technician is a conflict; no reason is invalid', async () => {
    const mechanic = await createUser('worker');
    const job = await jobFor(mechanic);
    const early = await pastEntry(mechanic, job.id, 10, 2);
    await pastEntry(mechanic, job.id, 7, 2);
    const overlapping = new Date(Date.now() - 6.5 * 3_600_000);
    expect(await refusalKind(() => adjustTimeEntry(admin, early.id, { endedAt: overlapping, reason: 'Late' }))).toBe(
      'conflict',
    );
    const noReason = await refusal(() =>
      adjustTimeEntry(admin, early.id, { endedAt: new Date(Date.now() - 9 * 3_600_000) }),
    );
    expect(noReason !== 'allowed' && noReason.kind).toBe('invalid');
    expect(noReason !== 'allowed' && noReason.fieldErrors.reason).toBeTruthy();
    // A voided entry no longer blocks: the other may then take its time.
    const late = await pastEntry(mechanic, job.id, 20, 1);
    await adjustTimeEntry(admin, early.id, { void: true, reason: 'Duplicate' });
    const moved = await adjustTimeEntry(admin, late.id, {
      startedAt: new Date(Date.now() - 10 * 3_600_000),
      endedAt: new Date(Date.now() - 9 * 3_600_000),
      reason: 'Wrong day',
    });
    expect(moved.durationSeconds).toBe(3600);
  });

  it('only admins correct, a running clock cannot be corrected, the end cannot be in the future', async () => {
    const mechanic = await createUser('worker');
    const job = await jobFor(mechanic);
    const past = await pastEntry(mechanic, job.id, 10, 1);
    expect(await refusalKind(() => adjustTimeEntry(mechanic, past.id, { void: true, reason: 'Mine' }))).toBe(
      'forbidden',
    );
    const running = await startClock(mechanic, job.id);
    expect(await refusalKind(() => adjustTimeEntry(admin, running.id, { void: true, reason: 'Oops' }))).toBe(
      'conflict',
    );
    expect(
      await refusalKind(() =>
        adjustTimeEntry(admin, past.id, { endedAt: new Date(Date.now() + 3_600_000), reason: 'Later' }),
      ),
    ).toBe('invalid');
    expect(await refusalKind(() => adjustTimeEntry(admin, 'nope', { void: true, reason: 'x' }))).toBe('not_found');
  });
});
