// Who may see and who may change a job: the one check every job and note read and write goes through.
import { and, eq, isNull, sql, type Placeholder } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { isUuid } from '../core/ids';
import { notFound } from '../core/errors';
import { assignedTo, isAdmin, jobVisibleTo, preparedJobsRead } from '../core/policy';
import { jobAssignments, jobs, type JobStatus } from '../schema';

/** The job's row for a permission check; `assigned` tells whether `workerId` is among its current assignees. */
function selectAccess(executor: Executor, workerId: string | Placeholder | null) {
  return executor
    .select({
      id: jobs.id,
      status: jobs.status,
      createdBy: jobs.createdBy,
      version: jobs.version,
      assigned: workerId === null ? sql<boolean>`false` : sql<boolean>`${assignedTo(workerId)}`,
    })
    .from(jobs);
}
const jobAccessById = preparedJobsRead('job_access', (db, visible) =>
  selectAccess(db, visible ? sql.placeholder('actorId') : null).where(and(eq(jobs.id, sql.placeholder('id')), visible)),
);

/**
 * Checks that the actor may see the job and tells whether they may work on it (admin, or a worker currently
 * assigned). Used by the job and note writes and reads. `lock` takes the job row's lock in the caller's transaction: `update` for
 * changes to the job (its status, its assignees), `share` for writes that only need it to stay as checked (a
 * note), which then wait for a change in progress but not for each other.
 */
export async function jobAccess(
  executor: Executor,
  actor: Actor,
  jobId: string,
  options: { lock?: 'update' | 'share' } = {},
): Promise<{ id: string; status: JobStatus; createdBy: string; version: number; canWork: boolean }> {
  if (!isUuid(jobId)) throw notFound('Job');
  const db = await getDb();
  let job: { id: string; status: JobStatus; createdBy: string; version: number; assigned: boolean } | undefined;
  if (executor === db && !options.lock) {
    [job] = await jobAccessById(db, actor, { id: jobId });
  } else {
    // Under a lock, a worker's assignment is read once the lock is granted, in a statement of its own: read in
    // the locking statement, it would be the assignment as it was before the change we waited for (an
    // unassignment holds the same lock).
    const worker = isAdmin(actor) ? null : actor.id;
    const query = selectAccess(executor, options.lock ? null : worker).where(
      and(eq(jobs.id, jobId), jobVisibleTo(actor)),
    );
    [job] = options.lock ? await query.for(options.lock) : await query;
    if (job && options.lock && worker) job.assigned = await isAssigned(executor, jobId, worker);
  }
  if (!job) throw notFound('Job');
  const { assigned, ...row } = job;
  return { ...row, canWork: isAdmin(actor) || assigned };
}

async function isAssigned(executor: Executor, jobId: string, workerId: string): Promise<boolean> {
  const [row] = await executor
    .select({ jobId: jobAssignments.jobId })
    .from(jobAssignments)
    .where(
      and(eq(jobAssignments.jobId, jobId), eq(jobAssignments.workerId, workerId), isNull(jobAssignments.unassignedAt)),
    );
  return Boolean(row);
}
