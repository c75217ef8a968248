import 'server-only';
import { and, asc, desc, eq, lt, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Actor } from '../core/actor';
import { getDb, preparedRead, type Database, type Executor } from '../client';
import { decodeCursor, keysetPage, type Page } from '../core/cursor';
import { isUuid } from '../core/ids';
import { parse } from '../core/input';
import { notFound } from '../core/errors';
import { assignedTo, isAdmin, jobVisibleToWorker, preparedJobsRead, requireSignedIn } from '../core/policy';
import { invoices, jobAssignments, jobs, jobStatusChanges, users } from '../schema';
import { jobAccess } from './access';
import { listJobsInput } from './inputs';
import { finalJobStatuses, jobTransitions } from './rules';
import { selectSummaries, summaries, toSummary } from './summaries';
import type { JobDto, JobStatusChangeDto, JobSummaryDto } from './types';

const creators = alias(users, 'creator');
const liveInvoices = alias(invoices, 'live_invoice');

/**
 * One statement (every job read and every job write's answer goes through here): the job with its vehicle and
 * customer, its creator, its live invoice (at most one: invoices_job_live_key) and its assignees.
 */
function selectJob(executor: Executor) {
  return selectSummaries(executor, {
    creatorName: creators.name,
    invoiceId: liveInvoices.id,
    invoiceNumber: liveInvoices.number,
  })
    .leftJoin(creators, eq(creators.id, jobs.createdBy))
    .leftJoin(liveInvoices, and(eq(liveInvoices.jobId, jobs.id), ne(liveInvoices.status, 'void')));
}

// The job page, `GET /api/v1/jobs/{id}` and the answer of every job write, read after its commit: prepared (its
// plan costs as much as its run).
const jobById = preparedJobsRead('job_by_id', (db, visible) =>
  selectJob(db).where(and(eq(jobs.id, sql.placeholder('id')), visible)),
);

type JobRow = Awaited<ReturnType<typeof selectJob>>[number];

/** A job with its vehicle, customer, assignees, creator and version; "not found" when the actor may not see it. */
export async function getJob(actor: Actor | null, id: string): Promise<JobDto> {
  const signedIn = requireSignedIn(actor);
  if (!isUuid(id)) throw notFound('Job');
  const [found] = await jobById(await getDb(), signedIn, { id });
  if (!found) throw notFound('Job');
  return toJobDto(found, signedIn);
}

function toJobDto(found: JobRow, actor: Actor): JobDto {
  const { creatorName, invoiceId, invoiceNumber, assignees, ...row } = found;
  const invoice = invoiceId === null || invoiceNumber === null ? null : { id: invoiceId, number: invoiceNumber };
  const summary = toSummary(row, assignees);
  const assigned = summary.assignees.some((person) => person.id === actor.id);
  const admin = isAdmin(actor);
  const canChangeStatus = admin || assigned;
  const nextStatuses = canChangeStatus
    ? jobTransitions[row.status].filter(
        (to) => row.status !== 'completed' || (admin && !invoice && to === 'in_progress'),
      )
    : [];
  return {
    ...summary,
    description: row.description,
    creator: { id: row.createdBy, name: creatorName ?? 'Unknown' },
    vehicle: { ...summary.vehicle, odometer: row.vehicleOdometer },
    liveInvoice: invoice,
    permissions: {
      canEdit: admin || ((assigned || row.createdBy === actor.id) && !finalJobStatuses.includes(row.status)),
      canChangeStatus,
      canAddNote: canChangeStatus,
      canAssign: admin,
      nextStatuses,
    },
  };
}

/** The job's status changes, oldest first (the first one is `created`). */
const historyOfJob = preparedRead((db) =>
  db
    .select({
      id: jobStatusChanges.id,
      jobId: jobStatusChanges.jobId,
      fromStatus: jobStatusChanges.fromStatus,
      toStatus: jobStatusChanges.toStatus,
      reason: jobStatusChanges.reason,
      changedAt: jobStatusChanges.changedAt,
      changedById: users.id,
      changedByName: users.name,
    })
    .from(jobStatusChanges)
    .innerJoin(users, eq(users.id, jobStatusChanges.changedBy))
    .where(eq(jobStatusChanges.jobId, sql.placeholder('id')))
    .orderBy(asc(jobStatusChanges.changedAt), asc(jobStatusChanges.id))
    .limit(1000)
    .prepare('job_history'),
);

export async function getJobHistory(actor: Actor | null, id: string): Promise<JobStatusChangeDto[]> {
  const signedIn = requireSignedIn(actor);
  const db = await getDb();
  await jobAccess(db, signedIn, id);
  const rows = await historyOfJob(db).execute({ id });
  return rows.map(({ changedById, changedByName, ...row }) => ({
    ...row,
    changedBy: { id: changedById, name: changedByName },
  }));
}

/** The jobs the actor may see, newest number first, keyset-paginated. */
const ownJobs = alias(jobs, 'own_job');

/**
 * `jobVisibleTo` for a list, written the way that reads least for this worker. A worker with few jobs: their
 * jobs as a set of ids read from their own indexes (current assignments, job_assignments_worker_active_idx; the
 * jobs they opened, jobs_created_by_idx); written per row instead, the list would walk the shop's jobs in its
 * order until it had a page of theirs (every job, for a worker with none). A worker with many (a busy mechanic
 * holds 6 % of a chain's million jobs): the set costs as many lookups as they have jobs (~4 s at 65,000), while
 * the walk by number finds a page of theirs within a few hundred jobs, so the condition is written per row.
 */
export const MANY_JOBS = 3000;

const assignmentsUpTo = preparedRead((db) =>
  db
    .select({ count: sql<number>`count(*)::int` })
    .from(
      sql`(select 1 from ${jobAssignments} where ${jobAssignments.workerId} = ${sql.placeholder('workerId')}
        and ${jobAssignments.unassignedAt} is null limit ${sql.raw(String(MANY_JOBS))}) as assigned`,
    )
    .prepare('worker_assignments_up_to'),
);

async function jobsVisibleToWorker(db: Database, workerId: string, vehicleId: string | undefined) {
  // One vehicle's jobs are few: checking each of them is cheap whoever asks.
  if (vehicleId) return jobVisibleToWorker(workerId);
  const [row] = await assignmentsUpTo(db).execute({ workerId });
  const a = jobAssignments;
  if ((row?.count ?? 0) >= MANY_JOBS) {
    // A probe per job walked (`limit 1`: written as `exists`, PostgreSQL hashes all of the worker's assignments).
    return sql`(${jobs.createdBy} = ${workerId} or coalesce((select true from ${a} where ${a.jobId} = ${jobs.id}
      and ${a.workerId} = ${workerId} and ${a.unassignedAt} is null limit 1), false))`;
  }
  return sql`${jobs.id} = any(array(
    select ${a.jobId} from ${a} where ${a.workerId} = ${workerId} and ${a.unassignedAt} is null
    union select ${ownJobs.id} from ${jobs} as ${sql.identifier('own_job')} where ${ownJobs.createdBy} = ${workerId}))`;
}

export async function listJobs(
  actor: Actor | null,
  input: z.input<typeof listJobsInput> = {},
): Promise<Page<JobSummaryDto>> {
  const signedIn = requireSignedIn(actor);
  const { status, assignee, vehicleId, limit, cursor } = parse(listJobsInput, input ?? {});
  const after = cursor ? decodeCursor(cursor, ['integer'])[0] : null;
  const assigneeId = assignee === 'me' ? signedIn.id : assignee;
  const db = await getDb();
  const rows = await selectSummaries(db)
    .where(
      and(
        isAdmin(signedIn) ? undefined : await jobsVisibleToWorker(db, signedIn.id, vehicleId),
        status ? eq(jobs.status, status) : undefined,
        vehicleId ? eq(jobs.vehicleId, vehicleId) : undefined,
        assigneeId ? assignedTo(assigneeId) : undefined,
        after !== null ? lt(jobs.number, after) : undefined,
      ),
    )
    .orderBy(desc(jobs.number))
    .limit(limit + 1);
  const page = keysetPage(rows, limit, (last) => [last.sequence]);
  return { data: summaries(page.data), nextCursor: page.nextCursor };
}
