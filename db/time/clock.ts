// Clocking on and off a job. Starting locks the job row (its status may move) and then the technician's user
// row, so a technician's starts queue one behind the other (and behind a deactivation): each stops the clock the
// one before started, and at most one runs. The database refuses a second running entry and overlaps anyway.
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { conflict, forbidden, invalid, isExclusionViolation, isUniqueViolation } from '../core/errors';
import { normaliseInput, parse } from '../core/input';
import { isAdmin, requireSignedIn } from '../core/policy';
import { currentRequestContext } from '../platform/audit-context';
import { jobAccess } from '../jobs/access';
import { recordStatusChange } from '../jobs/status-changes';
import { timeEntries, users } from '../schema';
import { clockInput } from './inputs';
import { entryById, stopRunningClockOf, stopRunningClocksWhere } from './sql';
import type { StartedClockDto, TimeEntryDto } from './types';

const closedJob = () => conflict('This job is closed: nobody clocks on it.');

/** The technician a start or stop is for: the caller, or (admins only) the one named. */
function technicianOf(actor: Actor, input: unknown): string {
  const { userId } = parse(clockInput, normaliseInput(input ?? {}));
  if (userId && userId !== actor.id && !isAdmin(actor))
    throw forbidden('Only an admin can clock someone else on or off.');
  return userId ?? actor.id;
}

/**
 * Clocks a technician on a job: a worker assigned to it for themselves, an admin for anyone. A clock of the same
 * technician that runs elsewhere stops first, at the same instant, in the same transaction. A created job moves
 * to in progress (one history row). Jobs waiting for parts, completed or cancelled take no clock (409).
 */
export async function startClock(actor: Actor | null, jobId: string, input: unknown = {}): Promise<StartedClockDto> {
  const signedIn = requireSignedIn(actor);
  const technicianId = technicianOf(signedIn, input);
  const source = currentRequestContext()?.origin === 'api' ? 'api' : 'ui';
  const db = await getDb();
  try {
    const { entryId, stoppedId } = await db.transaction(async (tx) => {
      const job = await jobAccess(tx, signedIn, jobId, { lock: 'update' });
      if (!job.canWork) throw forbidden('Only a worker assigned to this job (or an admin) can clock on it.');
      if (job.status === 'completed' || job.status === 'cancelled') throw closedJob();
      if (job.status === 'waiting_for_parts')
        throw conflict('This job is waiting for parts: resume it before clocking on.');
      const [technician] = await tx
        .select({ active: users.active })
        .from(users)
        .where(eq(users.id, technicianId))
        .for('no key update');
      if (!technician?.active) throw invalid({ userId: ['Choose an active technician.'] });
      const stopped = await stopRunningClockOf(tx, technicianId, signedIn.id);
      // The new clock starts where the stopped one ended (to the microsecond), so the two touch without overlap.
      const startedAt = stopped
        ? sql`(select ${timeEntries.endedAt} from ${timeEntries} where ${timeEntries.id} = ${stopped.id})`
        : sql`clock_timestamp()`;
      const [entry] = await tx
        .insert(timeEntries)
        .values({
          userId: technicianId,
          jobId,
          startedAt,
          effectiveStartedAt: startedAt,
          source,
          recordedBy: signedIn.id,
        })
        .returning({ id: timeEntries.id });
      if (job.status === 'created') await recordStatusChange(tx, signedIn.id, jobId, 'created', 'in_progress');
      return { entryId: entry!.id, stoppedId: stopped?.id ?? null };
    });
    const entry = (await entryById(db, entryId))!;
    return { ...entry, stopped: stoppedId ? ((await entryById(db, stoppedId)) ?? null) : null };
  } catch (error) {
    if (isUniqueViolation(error, 'time_entries_one_running_key') || isExclusionViolation(error))
      throw conflict('That technician’s clock was started at the same time. Reload and try again.');
    throw error;
  }
}

/** Clocks a technician off a job (the caller, or anyone for an admin); 409 when no clock of theirs runs there. */
export async function stopClock(actor: Actor | null, jobId: string, input: unknown = {}): Promise<TimeEntryDto> {
  const signedIn = requireSignedIn(actor);
  const technicianId = technicianOf(signedIn, input);
  const db = await getDb();
  await jobAccess(db, signedIn, jobId);
  const stoppedId = await db.transaction(async (tx) => {
    const [stopped] = await stopRunningClocksWhere(
      tx,
      and(eq(timeEntries.userId, technicianId), eq(timeEntries.jobId, jobId))!,
      signedIn.id,
    );
    if (!stopped) throw conflict('No clock is running for that technician on this job.');
    return stopped.id;
  });
  return (await entryById(db, stoppedId))!;
}
