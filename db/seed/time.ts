// Demo time clocks: four weeks of workdays for the demo mechanics on the jobs assigned to them (a morning and an
// afternoon, a job or two each), one correction and one voided entry, and Jamie's clock running now on an
// in-progress job — so My jobs, /time, the technician report and the dashboard's chart show something.
import { and, asc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Transaction } from '../client';
import { jobAssignments, jobs, timeEntries, timeEntryAdjustments } from '../schema';
import { prng } from './demo-data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedTimeClocks(tx: Transaction, adminId: string, mechanicIds: string[], now: Date) {
  const random = prng(15_2026);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const written: { id: string; startedAt: Date; endedAt: Date }[] = [];
  for (const [index, userId] of mechanicIds.entries()) {
    const assigned = await tx
      .select({
        id: jobs.id,
        createdAt: jobs.createdAt,
        closedAt: sql<Date | null>`coalesce(${jobs.completedAt}, ${jobs.cancelledAt})`,
      })
      .from(jobs)
      .innerJoin(jobAssignments, eq(jobAssignments.jobId, jobs.id))
      .where(and(eq(jobAssignments.workerId, userId), isNull(jobAssignments.unassignedAt), ne(jobs.status, 'created')))
      .orderBy(asc(jobs.createdAt));
    if (assigned.length === 0) continue;
    const rows = [];
    for (let daysAgo = 28; daysAgo >= 1; daysAgo--) {
      const day = today - daysAgo * DAY;
      const weekday = new Date(day).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      // Morning 8:00–12:00 and afternoon 13:00–17:00 (UTC), each split over one or two jobs.
      for (const [from, to] of [
        [8, 12],
        [13, 17],
      ] as const) {
        const start = day + from * HOUR + random.int(0, 3) * 5 * 60_000;
        const end = day + to * HOUR - random.int(0, 4) * 5 * 60_000;
        const split = random.int(0, 1) === 1 ? start + random.int(1, 3) * HOUR : end;
        const candidates = assigned.filter(
          (job) => job.createdAt.getTime() < start && (!job.closedAt || new Date(job.closedAt).getTime() > end),
        );
        if (candidates.length === 0) continue;
        for (const [segmentStart, segmentEnd] of split < end
          ? [
              [start, split],
              [split, end],
            ]
          : [[start, end]]) {
          const job = random.pick(candidates);
          rows.push({
            userId,
            jobId: job.id,
            startedAt: new Date(segmentStart!),
            endedAt: new Date(segmentEnd!),
            effectiveStartedAt: new Date(segmentStart!),
            effectiveEndedAt: new Date(segmentEnd!),
            source: index === 0 ? ('ui' as const) : ('api' as const),
            recordedBy: userId,
            stoppedBy: userId,
          });
        }
      }
    }
    if (rows.length > 0)
      written.push(
        ...(await tx
          .insert(timeEntries)
          .values(rows)
          .returning({ id: timeEntries.id, startedAt: timeEntries.startedAt, endedAt: timeEntries.endedAt })
          .then((entries) => entries.map((entry) => ({ ...entry, endedAt: entry.endedAt! })))),
      );
  }
  if (written.length > 2) {
    // A forgotten clock-off corrected by the office, and a start on the wrong job voided.
    const corrected = written[Math.floor(written.length / 2)]!;
    await tx.insert(timeEntryAdjustments).values({
      timeEntryId: corrected.id,
      startedAt: corrected.startedAt,
      endedAt: new Date(corrected.endedAt.getTime() - HOUR / 2),
      reason: 'Clocked off late: left at half past, says the paper timesheet.',
      createdBy: adminId,
      createdAt: new Date(corrected.endedAt.getTime() + DAY / 2),
    });
    const voided = written[written.length - 3]!;
    await tx.insert(timeEntryAdjustments).values({
      timeEntryId: voided.id,
      startedAt: voided.startedAt,
      endedAt: voided.endedAt,
      void: true,
      reason: 'Clocked on the wrong job.',
      createdBy: adminId,
      createdAt: new Date(voided.endedAt.getTime() + HOUR),
    });
  }
  // Jamie is on a job right now.
  const [current] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .innerJoin(jobAssignments, eq(jobAssignments.jobId, jobs.id))
    .where(
      and(
        eq(jobAssignments.workerId, mechanicIds[0]!),
        isNull(jobAssignments.unassignedAt),
        inArray(jobs.status, ['in_progress']),
        lt(jobs.createdAt, new Date(now.getTime() - HOUR)),
      ),
    )
    .orderBy(asc(jobs.createdAt))
    .limit(1);
  if (current) {
    const startedAt = new Date(now.getTime() - 45 * 60_000);
    await tx.insert(timeEntries).values({
      userId: mechanicIds[0]!,
      jobId: current.id,
      startedAt,
      effectiveStartedAt: startedAt,
      source: 'ui',
      recordedBy: mechanicIds[0]!,
    });
  }
}
