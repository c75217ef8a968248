// The SQL every estimate read shares: one statement per estimate (lines and answers as JSON), the read-time
// status, and the row behind a permission check.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import type { Executor } from '../client';
import { notFound } from '../core/errors';
import { jobVisibleTo } from '../core/policy';
import { estimateAuthorizations, estimateLines, estimates, jobs, users, type EstimateStatus } from '../schema';
import type { AuthorizationDto, EstimateDto, EstimateLineDto, EstimateReadStatus } from './types';
import { pricedLineJson } from '../core/line-json';

/** A sent estimate past its expiry reads as `expired` (and can no longer be answered). */
export function readStatus(status: EstimateStatus, expiresAt: Date | null, now = new Date()): EstimateReadStatus {
  return status === 'sent' && expiresAt !== null && expiresAt.getTime() <= now.getTime() ? 'expired' : status;
}

// Qualified by hand: Drizzle leaves a one-table select's columns unqualified, and inside these subqueries an
// unqualified `id` would be the line's.
const estimateId = sql.raw('"estimates"."id"');
const currentRevision = sql.raw('"estimates"."line_revision"');

// The current set of lines (a draft's edits write new sets: lines are append-only).
const linesJson = sql<Omit<EstimateLineDto, 'totalCents'>[]>`coalesce((
  select json_agg(${pricedLineJson(estimateLines)} order by ${estimateLines.position})
  from ${estimateLines}
  where ${estimateLines.estimateId} = ${estimateId} and ${estimateLines.revision} = ${currentRevision}), '[]'::json)`;

type AuthorizationJson = Omit<AuthorizationDto, 'createdAt'> & { createdAt: string };
const authorizationsJson = sql<AuthorizationJson[]>`coalesce((
  select json_agg(json_build_object(
    'id', a.id, 'estimateId', a.estimate_id, 'channel', a.channel, 'authorizedBy', a.authorized_by,
    'approvedLineIds', to_json(a.approved_line_ids), 'approvedTotalCents', a.approved_total_cents, 'note', a.note,
    'recordedBy', case when a.recorded_by is null then null
      else json_build_object('id', a.recorded_by, 'name', (select ${users.name} from ${users} where ${users.id} = a.recorded_by)) end,
    'createdAt', a.created_at
  ) order by a.created_at)
  from ${estimateAuthorizations} a where a.estimate_id = ${estimateId}), '[]'::json)`;

export const estimateColumns = {
  id: estimates.id,
  jobId: estimates.jobId,
  version: estimates.version,
  status: estimates.status,
  currency: estimates.currency,
  subtotalCents: estimates.subtotalCents,
  taxCents: estimates.taxCents,
  totalCents: estimates.totalCents,
  approvedTotalCents: estimates.approvedTotalCents,
  notes: estimates.notes,
  validDays: estimates.validDays,
  sentAt: estimates.sentAt,
  expiresAt: estimates.expiresAt,
  createdAt: estimates.createdAt,
  lines: linesJson,
  authorizations: authorizationsJson,
};

type EstimateRow = {
  [K in keyof typeof estimateColumns]: K extends 'lines'
    ? Omit<EstimateLineDto, 'totalCents'>[]
    : K extends 'authorizations'
      ? AuthorizationJson[]
      : (typeof estimates.$inferSelect)[K & keyof typeof estimates.$inferSelect];
};

export function toEstimate(row: EstimateRow): EstimateDto {
  return {
    ...row,
    subtotalCents: Number(row.subtotalCents),
    taxCents: Number(row.taxCents),
    totalCents: Number(row.totalCents),
    approvedTotalCents: row.approvedTotalCents === null ? null : Number(row.approvedTotalCents),
    status: readStatus(row.status, row.expiresAt),
    lines: row.lines.map((line) => ({ ...line, totalCents: line.lineTotalCents + line.taxCents })),
    authorizations: row.authorizations.map((answer) => ({
      ...answer,
      approvedTotalCents: Number(answer.approvedTotalCents),
      createdAt: new Date(answer.createdAt),
    })),
  };
}

/** The estimate (any), or not found. */
export async function loadEstimate(executor: Executor, id: string): Promise<EstimateDto> {
  const [row] = await executor.select(estimateColumns).from(estimates).where(eq(estimates.id, id));
  if (!row) throw notFound('Estimate');
  return toEstimate(row);
}

/**
 * The estimate's row for a write, if the actor may see its job: locks the job row first (`for update`), so every
 * estimate write, answer and invoice of one job runs one after the other; then the estimate row.
 */
export async function lockEstimate(executor: Executor, actor: Actor | null, id: string) {
  const [job] = await executor
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        sql`${jobs.id} = (select ${estimates.jobId} from ${estimates} where ${estimates.id} = ${id})`,
        actor ? jobVisibleTo(actor) : undefined,
      ),
    )
    .for('update');
  if (!job) throw notFound('Estimate');
  const [estimate] = await executor.select().from(estimates).where(eq(estimates.id, id));
  return estimate!;
}
