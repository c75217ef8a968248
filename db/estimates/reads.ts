// Reading estimates as the actor may see them (a job the actor cannot see has no estimates for them).
import 'server-only';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { jobVisibleTo, requireSignedIn } from '../core/policy';
import { jobAccess } from '../jobs/access';
import { estimates, jobs } from '../schema';
import { estimateColumns, readStatus, toEstimate } from './sql';
import type { EstimateBadge, EstimateDto } from './types';

export async function getEstimate(actor: Actor | null, estimateId: string): Promise<EstimateDto> {
  const user = requireSignedIn(actor);
  if (!isUuid(estimateId)) throw notFound('Estimate');
  const db = await getDb();
  const [row] = await db
    .select(estimateColumns)
    .from(estimates)
    .innerJoin(jobs, eq(jobs.id, estimates.jobId))
    .where(and(eq(estimates.id, estimateId), jobVisibleTo(user)));
  if (!row) throw notFound('Estimate');
  return toEstimate(row);
}

/** Every version of the job's estimate, newest first (a job has a handful: no pagination). */
export async function listJobEstimates(actor: Actor | null, jobId: string): Promise<EstimateDto[]> {
  const user = requireSignedIn(actor);
  const db = await getDb();
  await jobAccess(db, user, jobId);
  const rows = await db
    .select(estimateColumns)
    .from(estimates)
    .where(eq(estimates.jobId, jobId))
    .orderBy(desc(estimates.version))
    .limit(200);
  return rows.map(toEstimate);
}

/** The job's current (not superseded) estimate, or null. */
export async function getCurrentEstimate(actor: Actor | null, jobId: string): Promise<EstimateDto | null> {
  const user = requireSignedIn(actor);
  const db = await getDb();
  await jobAccess(db, user, jobId);
  const [row] = await db
    .select(estimateColumns)
    .from(estimates)
    .where(and(eq(estimates.jobId, jobId), ne(estimates.status, 'superseded')));
  return row ? toEstimate(row) : null;
}

/**
 * The card badge of each job (board, My jobs): "awaiting approval" while the current estimate is sent and
 * unexpired, "approved" once approved. The caller passes the jobs it already shows the actor.
 */
export async function estimateBadges(actor: Actor | null, jobIds: string[]): Promise<Map<string, EstimateBadge>> {
  const user = requireSignedIn(actor);
  const badges = new Map<string, EstimateBadge>();
  const ids = jobIds.filter(isUuid);
  if (ids.length === 0) return badges;
  const db = await getDb();
  const rows = await db
    .select({ jobId: estimates.jobId, status: estimates.status, expiresAt: estimates.expiresAt })
    .from(estimates)
    .innerJoin(jobs, eq(jobs.id, estimates.jobId))
    .where(
      and(
        // estimates_job_current_key: the current version of each job.
        inArray(estimates.jobId, ids),
        ne(estimates.status, 'superseded'),
        sql`${estimates.status} in ('sent', 'approved')`,
        jobVisibleTo(user),
      ),
    );
  for (const row of rows) {
    const status = readStatus(row.status, row.expiresAt);
    if (status === 'sent') badges.set(row.jobId, 'awaiting_approval');
    if (status === 'approved') badges.set(row.jobId, 'approved');
  }
  return badges;
}
