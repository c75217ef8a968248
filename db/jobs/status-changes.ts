import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { conflict, forbidden, invalid, isCheckViolation } from '../core/errors';
import { parse } from '../core/input';
import { jobStatusWords } from '../core/labels';
import { isAdmin, requireSignedIn } from '../core/policy';
import { invoices, jobs, jobStatusChanges, type JobStatus } from '../schema';
import { clockStoppingStatuses, stopRunningClocksOnJob } from '../time/sql';
import { jobAccess } from './access';
import { changeJobStatusInput } from './inputs';
import { getJob } from './reads';
import { JOB_CHANGED_MESSAGE, jobTransitions } from './rules';
import type { JobDto } from './types';

/**
 * Moves a job to another status along the transition table, by an admin or a worker assigned to it. Locks the
 * job row, so concurrent changes apply one after the other and each applied change writes exactly one history
 * row. An illegal transition (or a stale `version`, when given) is a conflict and writes nothing.
 */
export async function changeJobStatus(actor: Actor | null, jobId: string, input: unknown): Promise<JobDto> {
  const signedIn = requireSignedIn(actor);
  const data = parse(changeJobStatusInput, input ?? {});
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const job = await jobAccess(tx, signedIn, jobId, { lock: 'update' });
      if (!job.canWork) throw forbidden('Only an admin or a worker assigned to this job can change its status.');
      if (data.version !== undefined && data.version !== job.version)
        throw conflict(JOB_CHANGED_MESSAGE, { version: [JOB_CHANGED_MESSAGE] });
      const from = job.status;
      const to = data.status;
      if (from === to)
        throw conflict(`The job is already ${jobStatusWords[to]}.`, {
          status: [`The job is already ${jobStatusWords[to]}.`],
        });
      if (!jobTransitions[from].includes(to)) {
        const message = `A job cannot go from ${jobStatusWords[from]} to ${jobStatusWords[to]}.`;
        throw conflict(message, { status: [message] });
      }
      if (from === 'completed') {
        if (!isAdmin(signedIn)) throw forbidden('Only an admin can reopen a completed job.');
        const [live] = await tx
          .select({ id: invoices.id })
          .from(invoices)
          .where(and(eq(invoices.jobId, jobId), ne(invoices.status, 'void')));
        if (live) throw conflict('This job has an issued invoice. Void the invoice before reopening the job.');
      }
      const reason = data.reason || null;
      if (to === 'cancelled' && !reason)
        throw invalid({ reason: ['Give a reason for cancelling.'] }, 'Give a reason for cancelling.');
      await recordStatusChange(tx, signedIn.id, jobId, from, to, reason);
      // Nobody works on a job that waits for parts or is closed: its running clocks stop with the change.
      if ((clockStoppingStatuses as readonly JobStatus[]).includes(to))
        await stopRunningClocksOnJob(tx, jobId, signedIn.id);
    });
  } catch (error) {
    if (isCheckViolation(error, 'jobs_reopen_invoiced')) {
      throw conflict('This job has an issued invoice. Void the invoice before reopening the job.');
    }
    if (isCheckViolation(error, 'jobs_status_transition')) throw conflict('That status change is not allowed.');
    throw error;
  }
  return getJob(signedIn, jobId);
}

/**
 * Writes a status change the caller has checked (the job row locked): the job's new status and its history row,
 * in one statement. Also used when clocking on a created job moves it to in progress.
 */
export async function recordStatusChange(
  tx: Executor,
  changedBy: string,
  jobId: string,
  from: JobStatus,
  to: JobStatus,
  reason: string | null = null,
): Promise<void> {
  const now = new Date();
  const updated = tx.$with('updated').as(
    tx
      .update(jobs)
      .set({
        status: to,
        completedAt: to === 'completed' ? now : null,
        cancelledAt: to === 'cancelled' ? now : null,
        cancelReason: to === 'cancelled' ? reason : null,
        version: sql`${jobs.version} + 1`,
        updatedAt: now,
      })
      .where(eq(jobs.id, jobId))
      .returning({ id: jobs.id }),
  );
  await tx
    .with(updated)
    .insert(jobStatusChanges)
    .values({
      jobId: sql`(select ${updated.id} from ${updated})`,
      fromStatus: from,
      toStatus: to,
      changedBy,
      changedAt: now,
      reason,
    });
}
