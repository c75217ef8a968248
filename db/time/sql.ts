// The SQL the time clock reads and writes share: the effective entry as a DTO, and stopping running clocks
// (a technician's, a job's) in the caller's transaction. Stops end at the statement's clock, never before the
// entry's start: an entry committed while the stop waited for its row is still stopped after it began.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { jobs, timeEntries, users } from '../schema';
import type { TimeEntryDto } from './types';

const durationSeconds = sql<number>`greatest(0, floor(extract(epoch from coalesce(${timeEntries.effectiveEndedAt}, clock_timestamp()) - ${timeEntries.effectiveStartedAt})))::int`;

/**
 * The entry's effective range (a running clock: to infinity), as the exclusion constraint's gist index has it:
 * a period's entries are `not voided and effectiveRange && tstzrange(start, end)`. Unqualified: for statements
 * over `time_entries` alone.
 */
export const effectiveRange = sql.raw(
  `tstzrange(effective_started_at, coalesce(effective_ended_at, 'infinity'::timestamptz))`,
);

export const entryColumns = {
  id: timeEntries.id,
  userId: timeEntries.userId,
  userName: users.name,
  jobId: timeEntries.jobId,
  jobNumber: jobs.number,
  startedAt: timeEntries.effectiveStartedAt,
  endedAt: timeEntries.effectiveEndedAt,
  durationSeconds,
  voided: timeEntries.voided,
  adjusted: sql<boolean>`${timeEntries.adjustmentCount} > 0`,
  source: timeEntries.source,
};

/** Effective entries with their technician's name and job number, filtered by `where`. */
export function selectEntries(executor: Executor, where: SQL | undefined) {
  return executor
    .select(entryColumns)
    .from(timeEntries)
    .innerJoin(users, eq(users.id, timeEntries.userId))
    .innerJoin(jobs, eq(jobs.id, timeEntries.jobId))
    .where(where);
}

export async function entryById(executor: Executor, id: string): Promise<TimeEntryDto | undefined> {
  const [entry] = await selectEntries(executor, eq(timeEntries.id, id));
  return entry;
}

const stopEnd = sql`greatest(clock_timestamp(), ${timeEntries.startedAt} + interval '1 microsecond')`;

/** Stops the running clocks matching `where`; their ids and ends. */
export async function stopRunningClocksWhere(executor: Executor, where: SQL, stoppedBy: string) {
  return executor
    .update(timeEntries)
    .set({ endedAt: stopEnd, stoppedBy })
    .where(and(where, isNull(timeEntries.endedAt)))
    .returning({ id: timeEntries.id, endedAt: timeEntries.endedAt });
}

/** Stops the technician's running clock (any job); the stopped entry's id and end, or null when none ran. */
export async function stopRunningClockOf(executor: Executor, userId: string, stoppedBy: string) {
  const [stopped] = await stopRunningClocksWhere(executor, eq(timeEntries.userId, userId), stoppedBy);
  return stopped ? { id: stopped.id, endedAt: stopped.endedAt! } : null;
}

/**
 * Stops the running clocks on a job (a status change to waiting for parts, completed or cancelled), or only
 * those of the given technicians (unassigned from it). Returns how many it stopped.
 */
export async function stopRunningClocksOnJob(
  executor: Executor,
  jobId: string,
  stoppedBy: string,
  onlyUserIds?: string[],
): Promise<number> {
  if (onlyUserIds && onlyUserIds.length === 0) return 0;
  const stopped = await stopRunningClocksWhere(
    executor,
    and(eq(timeEntries.jobId, jobId), onlyUserIds ? inArray(timeEntries.userId, onlyUserIds) : undefined)!,
    stoppedBy,
  );
  return stopped.length;
}

/** The statuses that stop every running clock on a job. */
export const clockStoppingStatuses = ['waiting_for_parts', 'completed', 'cancelled'] as const;
