// The rules a job follows whoever changes it (the database triggers hold the same ones).
import type { JobStatus } from '../schema';

/**
 * The status transitions a job may take (the database trigger `jobs_check_status` holds the same table).
 * `completed → in_progress` is a reopen: admins only, and only while the job has no live (non-void) invoice.
 */
export const jobTransitions: Record<JobStatus, readonly JobStatus[]> = {
  created: ['in_progress', 'cancelled'],
  in_progress: ['waiting_for_parts', 'completed', 'cancelled'],
  waiting_for_parts: ['in_progress', 'cancelled'],
  completed: ['in_progress'],
  cancelled: [],
};

export const finalJobStatuses: readonly JobStatus[] = ['completed', 'cancelled'];

export const JOB_CHANGED_MESSAGE = 'This job was changed by someone else — reload to see the changes.';

/** Promised time has passed and the job is neither completed nor cancelled. */
export function isOverdue(row: { promisedAt: Date | null; status: JobStatus }, now = new Date()): boolean {
  return row.promisedAt !== null && row.promisedAt.getTime() < now.getTime() && !finalJobStatuses.includes(row.status);
}
