import 'server-only';
import {
  and,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  or,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from './core/actor';
import { alias, type SelectedFields } from 'drizzle-orm/pg-core';
import { getDb, preparedRead, type Database, type Executor } from './client';
import { conflict, fieldErrorsFromZod, forbidden, invalid, isCheckViolation, notFound } from './core/errors';
import { formatJobNumber } from './money';
import { jobStatusWords } from './core/labels';
import { assignedTo, isAdmin, jobVisibleTo, preparedJobsRead, requireAdmin, requireSignedIn } from './core/policy';
import {
  customers,
  customerWords,
  invoices,
  jobAssignments,
  jobPriority,
  jobs,
  jobStatus,
  jobStatusChanges,
  plateVinWords,
  users,
  vehicles,
  type JobPriority,
  type JobStatus,
} from './schema';
import {
  containsOrWordStarts,
  matchingCustomer,
  matchingVehicle,
  selectMatchingCustomerIds,
  selectMatchingVehicleIds,
} from './core/search';

// ------------------------------------------------------------------------------------------ the rules

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

// -------------------------------------------------------------------------------------------- DTOs

export type JobPersonDto = { id: string; name: string };

export type JobSummaryDto = {
  id: string;
  /** The job number as people use it: J-000123. */
  number: string;
  /** The integer behind the number (increasing, gaps allowed). */
  sequence: number;
  title: string;
  status: JobStatus;
  priority: JobPriority;
  odometerIn: number | null;
  promisedAt: Date | null;
  /** Promised time has passed and the job is neither completed nor cancelled. */
  overdue: boolean;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  version: number;
  createdBy: string;
  vehicleId: string;
  vehicle: { id: string; plate: string | null; vin: string | null; make: string; model: string; year: number | null };
  customer: { id: string; name: string };
  assignees: JobPersonDto[];
};

export type JobPermissions = {
  canEdit: boolean;
  canChangeStatus: boolean;
  canAddNote: boolean;
  canAssign: boolean;
  /** The statuses this actor may move the job to now (reopen included for an admin when allowed). */
  nextStatuses: JobStatus[];
};

export type JobDto = JobSummaryDto & {
  description: string | null;
  creator: JobPersonDto;
  vehicle: JobSummaryDto['vehicle'] & { odometer: number | null };
  /** The job's issued (non-void) invoice, if any. */
  liveInvoice: { id: string; number: string } | null;
  permissions: JobPermissions;
};

export type JobStatusChangeDto = {
  id: number;
  jobId: string;
  fromStatus: JobStatus | null;
  toStatus: JobStatus;
  reason: string | null;
  changedAt: Date;
  changedBy: JobPersonDto;
};

export type VehicleChoiceDto = {
  id: string;
  plate: string | null;
  vin: string | null;
  make: string;
  model: string;
  year: number | null;
  odometer: number | null;
  customer: { id: string; name: string };
};

export type BoardColumnDto = {
  status: JobStatus;
  count: number;
  jobs: JobSummaryDto[];
  /**
   * Completed and cancelled columns cover the jobs closed since this moment (the last 30 days: a shop's closed
   * jobs grow without end, the board shows the recent ones); null for the open columns, which show every job.
   */
  since: Date | null;
};

// ------------------------------------------------------------------------------------ input schemas

const uuidField = (message: string) => z.uuid({ error: message });

const titleSchema = z
  .string({ error: 'Describe the complaint.' })
  .trim()
  .min(1, 'Describe the complaint.')
  .max(200, 'Keep the title to 200 characters.');

const descriptionSchema = z.string().trim().max(5000, 'Keep the description to 5000 characters.');

const odometerSchema = z.coerce
  .number({ error: 'Enter the odometer reading as a whole number.' })
  .int('Enter the odometer reading as a whole number.')
  .min(0, 'The odometer reading cannot be negative.')
  .max(9_999_999, 'That odometer reading is too high.');

/** A date ("2026-03-01", kept as the end of that day UTC) or a full ISO 8601 timestamp. */
const promisedAtSchema = z
  .string({ error: 'Enter a valid date.' })
  .trim()
  .max(40, 'Enter a valid date.')
  .refine((text) => parsePromisedAt(text) !== null, 'Enter a valid date.');

/** A checkbox from a form ("on") or a JSON boolean. */
const flagSchema = z.union([z.boolean(), z.enum(['on', 'true', 'false'])]);

export const createJobInput = z.object({
  vehicleId: uuidField('Choose a vehicle.'),
  title: titleSchema,
  description: descriptionSchema.nullish(),
  odometerIn: odometerSchema.nullish(),
  priority: z
    .enum(jobPriority.enumValues, { error: 'Priority must be low, normal, high or urgent.' })
    .default('normal'),
  promisedAt: promisedAtSchema.nullish(),
  confirmLowerOdometer: flagSchema.optional(),
});

export const updateJobInput = z.object({
  version: z.coerce.number({ error: 'The version is missing.' }).int().positive('The version is missing.'),
  title: titleSchema.optional(),
  description: descriptionSchema.nullish(),
  priority: z.enum(jobPriority.enumValues, { error: 'Priority must be low, normal, high or urgent.' }).optional(),
  promisedAt: promisedAtSchema.nullish(),
  odometerIn: odometerSchema.nullish(),
  confirmLowerOdometer: flagSchema.optional(),
});

export const changeJobStatusInput = z.object({
  status: z.enum(jobStatus.enumValues, { error: 'Choose a valid status.' }),
  reason: z.string().trim().max(1000, 'Keep the reason to 1000 characters.').nullish(),
  version: z.coerce.number().int().positive().optional(),
});

export const setJobAssigneesInput = z.object({
  userIds: z
    .array(z.uuid({ error: 'Choose workers from the list.' }), { error: 'Choose workers from the list.' })
    .max(20, 'At most 20 workers on one job.'),
});

export const listJobsInput = z.object({
  status: z.enum(jobStatus.enumValues, { error: 'Unknown status.' }).optional(),
  assignee: z.union([z.literal('me'), z.uuid({ error: 'assignee must be "me" or a user id.' })]).optional(),
  vehicleId: z.uuid({ error: 'Unknown vehicle.' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

export const boardFiltersInput = z.object({
  /** A worker's id, or "unassigned" for jobs nobody is assigned to. */
  worker: z.union([z.literal('unassigned'), z.uuid({ error: 'Unknown worker.' })]).optional(),
  priority: z.enum(jobPriority.enumValues, { error: 'Unknown priority.' }).optional(),
  overdue: flagSchema.optional(),
  perColumn: z.coerce.number().int().min(1).max(100).default(50),
});

export const searchVehiclesInput = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(500).optional(),
});

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw invalid(fieldErrorsFromZod(result.error));
  return result.data;
}

// ------------------------------------------------------------------------------------------- reads

const summaryColumns = {
  id: jobs.id,
  sequence: jobs.number,
  title: jobs.title,
  description: jobs.description,
  status: jobs.status,
  priority: jobs.priority,
  odometerIn: jobs.odometerIn,
  promisedAt: jobs.promisedAt,
  createdAt: jobs.createdAt,
  updatedAt: jobs.updatedAt,
  completedAt: jobs.completedAt,
  cancelledAt: jobs.cancelledAt,
  cancelReason: jobs.cancelReason,
  version: jobs.version,
  createdBy: jobs.createdBy,
  vehicleId: jobs.vehicleId,
  vehiclePlate: vehicles.plate,
  vehicleVin: vehicles.vin,
  vehicleMake: vehicles.make,
  vehicleModel: vehicles.model,
  vehicleYear: vehicles.year,
  vehicleOdometer: vehicles.odometer,
  customerId: customers.id,
  customerName: customers.name,
};

type SummaryRow = {
  id: string;
  sequence: number;
  title: string;
  description: string | null;
  status: JobStatus;
  priority: JobPriority;
  odometerIn: number | null;
  promisedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  version: number;
  createdBy: string;
  vehicleId: string;
  vehiclePlate: string | null;
  vehicleVin: string | null;
  vehicleMake: string;
  vehicleModel: string;
  vehicleYear: number | null;
  vehicleOdometer: number | null;
  customerId: string;
  customerName: string;
};

/**
 * The job's current assignees, by name, as one JSON value of the job's row. "jobs"."id" by hand: inside a select
 * list Drizzle writes bare column names, which would resolve against the subquery's own tables.
 */
const assigneesJson = sql<JobPersonDto[]>`coalesce((
  select json_agg(json_build_object('id', "assignee"."id", 'name', "assignee"."name") order by "assignee"."name", "assignee"."id")
  from ${jobAssignments} "assignment" join ${users} "assignee" on "assignee"."id" = "assignment"."worker_id"
  where "assignment"."job_id" = "jobs"."id" and "assignment"."unassigned_at" is null), '[]'::json)`;

/** Jobs with their vehicle, customer and current assignees (plus `extra` columns): one statement for a list. */
function selectSummaries<Extra extends SelectedFields>(executor: Executor, extra: Extra = {} as Extra) {
  return executor
    .select({ ...summaryColumns, assignees: assigneesJson, ...extra })
    .from(jobs)
    .innerJoin(vehicles, eq(vehicles.id, jobs.vehicleId))
    .innerJoin(customers, eq(customers.id, vehicles.customerId));
}

async function currentAssignees(executor: Executor, jobIds: string[]): Promise<Map<string, JobPersonDto[]>> {
  const byJob = new Map<string, JobPersonDto[]>();
  if (jobIds.length === 0) return byJob;
  const rows = await executor
    .select({ jobId: jobAssignments.jobId, id: users.id, name: users.name })
    .from(jobAssignments)
    .innerJoin(users, eq(users.id, jobAssignments.workerId))
    .where(and(inArray(jobAssignments.jobId, jobIds), isNull(jobAssignments.unassignedAt)))
    .orderBy(asc(users.name), asc(users.id));
  for (const row of rows) {
    const list = byJob.get(row.jobId) ?? [];
    list.push({ id: row.id, name: row.name });
    byJob.set(row.jobId, list);
  }
  return byJob;
}

function isOverdue(row: { promisedAt: Date | null; status: JobStatus }, now = new Date()): boolean {
  return row.promisedAt !== null && row.promisedAt.getTime() < now.getTime() && !finalJobStatuses.includes(row.status);
}

function toSummary(row: SummaryRow, assignees: JobPersonDto[]): JobSummaryDto {
  return {
    id: row.id,
    number: formatJobNumber(row.sequence),
    sequence: row.sequence,
    title: row.title,
    status: row.status,
    priority: row.priority,
    odometerIn: row.odometerIn,
    promisedAt: row.promisedAt,
    overdue: isOverdue(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
    cancelledAt: row.cancelledAt,
    cancelReason: row.cancelReason,
    version: row.version,
    createdBy: row.createdBy,
    vehicleId: row.vehicleId,
    vehicle: {
      id: row.vehicleId,
      plate: row.vehiclePlate,
      vin: row.vehicleVin,
      make: row.vehicleMake,
      model: row.vehicleModel,
      year: row.vehicleYear,
    },
    customer: { id: row.customerId, name: row.customerName },
    assignees,
  };
}

function summaries(rows: (SummaryRow & { assignees: JobPersonDto[] })[]): JobSummaryDto[] {
  return rows.map((row) => toSummary(row, row.assignees));
}

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
  if (!z.uuid().safeParse(id).success) throw notFound('Job');
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
  if (!z.uuid().safeParse(jobId).success) throw notFound('Job');
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
export async function listJobs(
  actor: Actor | null,
  input: z.input<typeof listJobsInput> = {},
): Promise<{ data: JobSummaryDto[]; nextCursor: string | null }> {
  const signedIn = requireSignedIn(actor);
  const { status, assignee, vehicleId, limit, cursor } = parse(listJobsInput, input);
  const after = cursor ? decodeNumberCursor(cursor) : null;
  const assigneeId = assignee === 'me' ? signedIn.id : assignee;
  const db = await getDb();
  const rows = await selectSummaries(db)
    .where(
      and(
        jobVisibleTo(signedIn),
        status ? eq(jobs.status, status) : undefined,
        vehicleId ? eq(jobs.vehicleId, vehicleId) : undefined,
        assigneeId ? assignedTo(assigneeId) : undefined,
        after !== null ? lt(jobs.number, after) : undefined,
      ),
    )
    .orderBy(desc(jobs.number))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: summaries(page),
    nextCursor: rows.length > limit && last ? encodeNumberCursor(last.sequence) : null,
  };
}

const MY_OPEN_LIMIT = 50;
const MY_RECENT_LIMIT = 10;
const RECENT_DAYS = 14;
/** How far back the completed and cancelled columns of the board reach. */
export const BOARD_CLOSED_DAYS = 30;

// Written as literals, not parameters: the partial indexes (jobs_open_promised_idx, jobs_completed_idx,
// jobs_cancelled_idx) are chosen only when the planner can see the query's condition implies theirs.
const isOpen = sql`${jobs.status} not in ('completed', 'cancelled')`;
const isCompleted = sql`${jobs.status} = 'completed'`;
const isCancelled = sql`${jobs.status} = 'cancelled'`;
const openStatusList = sql`${jobs.status} in ('created', 'in_progress', 'waiting_for_parts')`;

/**
 * The signed-in user's assigned jobs for the tablet screen: the open ones first (oldest promised first), then
 * the ones completed in the last two weeks (most recent first). Bounded: 50 open, 10 recently completed.
 */
export async function listMyJobs(
  actor: Actor | null,
): Promise<{ open: JobSummaryDto[]; recentlyCompleted: JobSummaryDto[] }> {
  const signedIn = requireSignedIn(actor);
  const db = await getDb();
  const since = new Date(Date.now() - RECENT_DAYS * 24 * 60 * 60 * 1000);
  const [open, recent] = await Promise.all([
    selectSummaries(db)
      .where(and(assignedTo(signedIn.id), isOpen))
      .orderBy(sql`${jobs.promisedAt} asc nulls last`, asc(jobs.number))
      .limit(MY_OPEN_LIMIT),
    selectSummaries(db)
      .where(and(assignedTo(signedIn.id), isCompleted, gt(jobs.completedAt, since)))
      .orderBy(desc(jobs.completedAt), desc(jobs.number))
      .limit(MY_RECENT_LIMIT),
  ]);
  return { open: summaries(open), recentlyCompleted: summaries(recent) };
}

/** The closed columns reach back to `since`; the open ones hold every job of their status. */
function boardColumnCondition(status: JobStatus, since: string | Placeholder): SQL {
  if (status === 'completed') return and(isCompleted, sql`${jobs.completedAt} >= ${since}::timestamptz`)!;
  if (status === 'cancelled') return and(isCancelled, sql`${jobs.cancelledAt} >= ${since}::timestamptz`)!;
  // A literal, like isOpen: a prepared (generic) plan must still see that jobs_open_promised_idx covers it.
  return sql`${jobs.status} = ${sql.raw(`'${status}'`)}`;
}

function boardColumnOrder(status: JobStatus): SQL[] {
  if (status === 'completed') return [sql`${jobs.completedAt} desc`, sql`${jobs.number} desc`];
  if (status === 'cancelled') return [sql`${jobs.cancelledAt} desc`, sql`${jobs.number} desc`];
  return [sql`${jobs.promisedAt} asc nulls last`, sql`${jobs.number} asc`];
}

/** How many jobs each column holds: the open ones by status, the recently closed ones. */
function boardCounts(executor: Executor, filter: SQL | undefined, since: string | Placeholder) {
  // Each part reads only what its column covers: the open jobs (status index), the recently closed ones
  // (the partial indexes of completed and cancelled jobs), never the whole history.
  return executor
    .select({ status: jobs.status, count: sql<number>`count(*)::int` })
    .from(jobs)
    .where(and(openStatusList, filter))
    .groupBy(jobs.status)
    .unionAll(
      executor
        .select({ status: sql<JobStatus>`'completed'::job_status`, count: sql<number>`count(*)::int` })
        .from(jobs)
        .where(and(boardColumnCondition('completed', since), filter)),
    )
    .unionAll(
      executor
        .select({ status: sql<JobStatus>`'cancelled'::job_status`, count: sql<number>`count(*)::int` })
        .from(jobs)
        .where(and(boardColumnCondition('cancelled', since), filter)),
    );
}

/**
 * Every column's cards in one statement: a branch per status, each reading its own index in its own order up to
 * `perColumn` rows; `position` keeps that order (a union's output order is not promised). The limit is written
 * into the SQL: with a parameter there, PostgreSQL judges a generic plan worse than a custom one and plans the
 * prepared statement again on every run (3–7 ms here); with the number written it keeps one plan.
 */
function boardCards(executor: Executor, filter: SQL | undefined, since: string | Placeholder, perColumn: number) {
  if (!Number.isInteger(perColumn) || perColumn < 1) throw new Error('perColumn must be a positive integer');
  // Drizzle takes an SQL chunk for a limit (as it takes a placeholder), though its type names only the two.
  const limit = sql.raw(String(perColumn)) as unknown as number;
  const [first, ...rest] = jobStatus.enumValues.map((status) => {
    const order = boardColumnOrder(status);
    return selectSummaries(executor, {
      position: sql<number>`row_number() over (order by ${sql.join(order, sql`, `)})`.mapWith(Number),
    })
      .where(and(boardColumnCondition(status, since), filter))
      .orderBy(...order)
      .limit(limit);
  });
  let union = first!.$dynamic().unionAll(rest[0]!);
  for (const branch of rest.slice(1)) union = union.unionAll(branch);
  return union;
}

type BoardCardRow = Awaited<ReturnType<typeof boardCards>>[number];

const unfilteredBoardCounts = preparedRead((db) =>
  boardCounts(db, undefined, sql.placeholder('since')).prepare('board_counts'),
);
/** One prepared statement per page size (1–100, as boardFiltersInput allows), made when first asked for. */
const unfilteredBoardCards = new Map<number, (db: Database) => ReturnType<ReturnType<typeof boardCards>['prepare']>>();
function unfilteredBoardCardsFor(perColumn: number) {
  const made = unfilteredBoardCards.get(perColumn);
  if (made) return made;
  const statement = preparedRead((db) =>
    boardCards(db, undefined, sql.placeholder('since'), perColumn).prepare(`board_cards_${perColumn}`),
  );
  unfilteredBoardCards.set(perColumn, statement);
  return statement;
}

/**
 * The admin's job board: one column per status with the count of the matching jobs and up to `perColumn`
 * cards. Open columns hold every open job, the oldest promised date first (no date last); completed and
 * cancelled hold the jobs closed in the last 30 days (`since`), the most recently closed first.
 * Filters: worker (or "unassigned"), priority, overdue.
 */
export async function listJobsForBoard(
  actor: Actor | null,
  input: z.input<typeof boardFiltersInput> | Record<string, string | undefined> = {},
): Promise<{ columns: BoardColumnDto[] }> {
  requireAdmin(actor);
  const { worker, priority, overdue, perColumn } = parse(boardFiltersInput, input);
  const onlyOverdue = overdue === true || overdue === 'on' || overdue === 'true';
  const filter = and(
    worker === 'unassigned'
      ? sql`not exists (select 1 from ${jobAssignments} where ${jobAssignments.jobId} = ${jobs.id} and ${jobAssignments.unassignedAt} is null)`
      : worker
        ? assignedTo(worker)
        : undefined,
    priority ? eq(jobs.priority, priority) : undefined,
    onlyOverdue ? and(isNotNull(jobs.promisedAt), lt(jobs.promisedAt, sql`now()`), isOpen) : undefined,
  );
  const since = new Date(Date.now() - BOARD_CLOSED_DAYS * 24 * 60 * 60 * 1000);
  const db = await getDb();
  const params = { since: since.toISOString() };
  // Unfiltered (the board as it opens): two prepared statements, planned once per connection. Filtered: the same
  // two statements built for the filter.
  const [counts, cards] = filter
    ? await Promise.all([boardCounts(db, filter, params.since), boardCards(db, filter, params.since, perColumn)])
    : await Promise.all([
        unfilteredBoardCounts(db).execute(params),
        unfilteredBoardCardsFor(perColumn)(db).execute(params),
      ]);
  const byStatus = new Map<JobStatus, BoardCardRow[]>();
  for (const row of cards) {
    const list = byStatus.get(row.status) ?? [];
    list.push(row);
    byStatus.set(row.status, list);
  }
  const columns = jobStatus.enumValues.map((status): BoardColumnDto => {
    const rows = (byStatus.get(status) ?? []).sort((a, b) => a.position - b.position);
    return {
      status,
      count: counts.find((row) => row.status === status)?.count ?? 0,
      since: status === 'completed' || status === 'cancelled' ? since : null,
      jobs: summaries(rows),
    };
  });
  return { columns };
}

// ------------------------------------------------------------------------------ vehicles for a new job

/** What the new-job vehicle picker shows of a vehicle and its owner. */
const vehicleChoiceColumns = {
  id: vehicles.id,
  plate: vehicles.plate,
  vin: vehicles.vin,
  make: vehicles.make,
  model: vehicles.model,
  year: vehicles.year,
  odometer: vehicles.odometer,
  customerId: customers.id,
  customerName: customers.name,
};

/** Active vehicles of active customers matching a plate, VIN or customer name, for the new-job picker. */
export async function searchVehiclesForJob(
  actor: Actor | null,
  input: z.input<typeof searchVehiclesInput> = {},
): Promise<{ data: VehicleChoiceDto[]; nextCursor: string | null }> {
  requireSignedIn(actor);
  const { q, limit, cursor } = parse(searchVehiclesInput, input);
  const after = cursor ? decodeNameCursor(cursor) : null;
  const db = await getDb();
  const rows = await db
    .select(vehicleChoiceColumns)
    .from(vehicles)
    .innerJoin(customers, eq(customers.id, vehicles.customerId))
    .where(
      and(
        isNull(vehicles.archivedAt),
        isNull(customers.archivedAt),
        q ? vehicleChoiceSearch(q) : undefined,
        after
          ? or(
              gt(sql`lower(${customers.name})`, after.name),
              and(eq(sql`lower(${customers.name})`, after.name), gt(vehicles.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${customers.name})`), asc(vehicles.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toVehicleChoice),
    nextCursor: rows.length > limit && last ? encodeNameCursor(last.customerName.toLowerCase(), last.id) : null,
  };
}

/**
 * Plate or VIN contains the text, or the owner's name or company does, each condition served by its trigram index
 * (vehicles_plate_trgm_idx, vehicles_vin_trgm_idx, customers_name_trgm_idx, customers_company_trgm_idx). Without
 * three letters or digits in a row, the text finds the start of a word in plate, VIN or the owner's name, company
 * or email instead (vehicles_plate_vin_words_idx, customers_words_idx). db/core/search.ts says how they are combined.
 */
function vehicleChoiceSearch(q: string): SQL {
  const v = matchingVehicle;
  const c = matchingCustomer;
  const owners = selectMatchingCustomerIds(
    containsOrWordStarts(q, [c.name, c.company], [customerWords(c.name, c.company, c.email)]),
  );
  const ids = selectMatchingVehicleIds([
    ...containsOrWordStarts(q, [v.plate, v.vin], [plateVinWords(v.plate, v.vin)]),
    sql`${v.customerId} = any(array(${owners}))`,
  ]);
  return sql`${vehicles.id} = any(array(${ids}))`;
}

/** One active vehicle (with its owner) to open a job for; "not found" when missing or archived. */
export async function getVehicleForJob(actor: Actor | null, vehicleId: string): Promise<VehicleChoiceDto> {
  requireSignedIn(actor);
  if (!z.uuid().safeParse(vehicleId).success) throw notFound('Vehicle');
  const db = await getDb();
  const [row] = await db
    .select(vehicleChoiceColumns)
    .from(vehicles)
    .innerJoin(customers, eq(customers.id, vehicles.customerId))
    .where(and(eq(vehicles.id, vehicleId), isNull(vehicles.archivedAt)));
  if (!row) throw notFound('Vehicle');
  return toVehicleChoice(row);
}

function toVehicleChoice(row: {
  id: string;
  plate: string | null;
  vin: string | null;
  make: string;
  model: string;
  year: number | null;
  odometer: number | null;
  customerId: string;
  customerName: string;
}): VehicleChoiceDto {
  const { customerId, customerName, ...vehicle } = row;
  return { ...vehicle, customer: { id: customerId, name: customerName } };
}

// ------------------------------------------------------------------------------------------ writes

function lowerOdometerErrors(last: number) {
  return {
    odometerIn: [
      `That is lower than the vehicle's last reading (${last.toLocaleString('en-US')}). Tick "Confirm lower odometer" to save it anyway.`,
    ],
    confirmLowerOdometer: ['Confirm the lower odometer reading.'],
  };
}

function flag(value: z.infer<typeof flagSchema> | undefined): boolean {
  return value === true || value === 'on' || value === 'true';
}

/**
 * Opens a job card for an active vehicle: the next job number, status `created` and its first history row,
 * in one transaction. An odometer reading below the vehicle's last one needs `confirmLowerOdometer`; a higher
 * one becomes the vehicle's reading. The answer is read after the commit, through the prepared job read (as
 * after an edit or a status change): the row lock is held for less time and the read's plan is kept.
 */
export async function createJob(actor: Actor | null, input: unknown): Promise<JobDto> {
  const signedIn = requireSignedIn(actor);
  const data = parse(createJobInput, input);
  const db = await getDb();
  const jobId = await db.transaction(async (tx) => {
    const [vehicle] = await tx
      .select({ id: vehicles.id, odometer: vehicles.odometer })
      .from(vehicles)
      .where(and(eq(vehicles.id, data.vehicleId), isNull(vehicles.archivedAt)))
      .for('update');
    if (!vehicle) throw invalid({ vehicleId: ['That vehicle does not exist or is archived.'] });
    const odometerIn = data.odometerIn ?? null;
    if (
      odometerIn !== null &&
      vehicle.odometer !== null &&
      odometerIn < vehicle.odometer &&
      !flag(data.confirmLowerOdometer)
    ) {
      throw invalid(lowerOdometerErrors(vehicle.odometer), 'Please confirm the lower odometer reading.');
    }
    // The job and its first history row in one statement.
    const created = tx.$with('created').as(
      tx
        .insert(jobs)
        .values({
          vehicleId: vehicle.id,
          title: data.title,
          description: data.description || null,
          priority: data.priority,
          odometerIn,
          promisedAt: data.promisedAt ? parsePromisedAt(data.promisedAt) : null,
          createdBy: signedIn.id,
        })
        .returning({ id: jobs.id }),
    );
    const [job] = await tx
      .with(created)
      .insert(jobStatusChanges)
      .values({
        jobId: sql`(select ${created.id} from ${created})`,
        fromStatus: null,
        toStatus: 'created',
        changedBy: signedIn.id,
      })
      .returning({ id: jobStatusChanges.jobId });
    if (odometerIn !== null && (vehicle.odometer === null || odometerIn > vehicle.odometer)) {
      await tx.update(vehicles).set({ odometer: odometerIn, updatedAt: new Date() }).where(eq(vehicles.id, vehicle.id));
    }
    return job!.id;
  });
  return getJob(signedIn, jobId);
}

/**
 * Edits a job's details with optimistic locking: the write carries the version the editor saw; if the job
 * changed in between, nothing is written and the caller gets a conflict. Admins edit any job; the creator and
 * assigned workers edit open (not completed or cancelled) ones.
 */
export async function updateJob(actor: Actor | null, id: string, input: unknown): Promise<JobDto> {
  const signedIn = requireSignedIn(actor);
  const data = parse(updateJobInput, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const job = await jobAccess(tx, signedIn, id);
    if (!isAdmin(signedIn) && !job.canWork && job.createdBy !== signedIn.id)
      throw forbidden('Only an admin or an assigned worker can edit this job.');
    if (!isAdmin(signedIn) && finalJobStatuses.includes(job.status)) {
      throw conflict('A completed or cancelled job can only be edited by an admin.');
    }
    if (job.version !== data.version) throw conflict(JOB_CHANGED_MESSAGE, { version: [JOB_CHANGED_MESSAGE] });

    const changes: Partial<typeof jobs.$inferInsert> = {};
    if (data.title !== undefined) changes.title = data.title;
    if (data.description !== undefined) changes.description = data.description || null;
    if (data.priority !== undefined) changes.priority = data.priority;
    if (data.promisedAt !== undefined) changes.promisedAt = data.promisedAt ? parsePromisedAt(data.promisedAt) : null;

    let raiseVehicleOdometer: { vehicleId: string; odometer: number } | null = null;
    if (data.odometerIn !== undefined) {
      const [current] = await tx
        .select({ odometerIn: jobs.odometerIn, vehicleId: jobs.vehicleId, vehicleOdometer: vehicles.odometer })
        .from(jobs)
        .innerJoin(vehicles, eq(vehicles.id, jobs.vehicleId))
        .where(eq(jobs.id, id));
      const next = data.odometerIn;
      if (next !== current!.odometerIn) {
        const last = current!.vehicleOdometer;
        if (next !== null && last !== null && next < last && !flag(data.confirmLowerOdometer)) {
          throw invalid(lowerOdometerErrors(last), 'Please confirm the lower odometer reading.');
        }
        if (next !== null && (last === null || next > last))
          raiseVehicleOdometer = { vehicleId: current!.vehicleId, odometer: next };
      }
      changes.odometerIn = next;
    }

    const updated = await tx
      .update(jobs)
      .set({ ...changes, version: sql`${jobs.version} + 1`, updatedAt: new Date() })
      .where(and(eq(jobs.id, id), eq(jobs.version, data.version)))
      .returning({ id: jobs.id });
    if (updated.length === 0) throw conflict(JOB_CHANGED_MESSAGE, { version: [JOB_CHANGED_MESSAGE] });
    if (raiseVehicleOdometer) {
      await tx
        .update(vehicles)
        .set({ odometer: raiseVehicleOdometer.odometer, updatedAt: new Date() })
        .where(eq(vehicles.id, raiseVehicleOdometer.vehicleId));
    }
  });
  return getJob(signedIn, id);
}

/**
 * Moves a job to another status along the transition table, by an admin or a worker assigned to it. Locks the
 * job row, so concurrent changes apply one after the other and each applied change writes exactly one history
 * row. An illegal transition (or a stale `version`, when given) is a conflict and writes nothing.
 */
export async function changeJobStatus(actor: Actor | null, jobId: string, input: unknown): Promise<JobDto> {
  const signedIn = requireSignedIn(actor);
  const data = parse(changeJobStatusInput, input);
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
      const now = new Date();
      // The change and its history row in one statement.
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
          changedBy: signedIn.id,
          changedAt: now,
          reason,
        });
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
 * Sets who works on a job (admins only). Workers left out are unassigned (their row is kept, with who and
 * when); workers added are assigned, reopening an earlier row for the same pair. Only active workers can be
 * newly assigned. Returns the current assignees.
 */
export async function setJobAssignees(actor: Actor | null, jobId: string, input: unknown): Promise<JobPersonDto[]> {
  const admin = requireAdmin(actor);
  const { userIds } = parse(setJobAssigneesInput, input);
  const wanted = [...new Set(userIds)];
  const db = await getDb();
  return db.transaction(async (tx) => {
    await jobAccess(tx, admin, jobId, { lock: 'update' });
    const current = await tx
      .select({ workerId: jobAssignments.workerId })
      .from(jobAssignments)
      .where(and(eq(jobAssignments.jobId, jobId), isNull(jobAssignments.unassignedAt)));
    const currentIds = new Set(current.map((row) => row.workerId));
    const toAdd = wanted.filter((userId) => !currentIds.has(userId));
    const toRemove = [...currentIds].filter((userId) => !wanted.includes(userId));

    if (toAdd.length > 0) {
      const eligible = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, toAdd), eq(users.active, true), eq(users.role, 'worker')));
      if (eligible.length !== toAdd.length) {
        throw invalid(
          { userIds: ['Only active workers can be assigned to a job.'] },
          'Only active workers can be assigned to a job.',
        );
      }
    }
    const now = new Date();
    if (toRemove.length > 0) {
      await tx
        .update(jobAssignments)
        .set({ unassignedAt: now, unassignedBy: admin.id })
        .where(
          and(
            eq(jobAssignments.jobId, jobId),
            inArray(jobAssignments.workerId, toRemove),
            isNull(jobAssignments.unassignedAt),
          ),
        );
    }
    if (toAdd.length > 0) {
      await tx
        .insert(jobAssignments)
        .values(toAdd.map((workerId) => ({ jobId, workerId, assignedBy: admin.id, assignedAt: now })))
        .onConflictDoUpdate({
          target: [jobAssignments.jobId, jobAssignments.workerId],
          set: { assignedBy: admin.id, assignedAt: now, unassignedAt: null, unassignedBy: null },
        });
    }
    return (await currentAssignees(tx, [jobId])).get(jobId) ?? [];
  });
}

// --------------------------------------------------------------------------------------- helpers

/** "2026-03-01" → the end of that day (UTC), so the job is overdue only once the promised day is over. */
function parsePromisedAt(text: string): Date | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dateOnly) {
    const date = new Date(`${text}T23:59:59.999Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function encodeNumberCursor(number: number): string {
  return Buffer.from(JSON.stringify([number])).toString('base64url');
}

function decodeNumberCursor(cursor: string): number {
  try {
    const [number] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof number === 'number' && Number.isInteger(number)) return number;
  } catch {
    // fall through
  }
  throw invalid({ cursor: ['Invalid cursor.'] });
}

function encodeNameCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeNameCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string' && z.uuid().safeParse(id).success) return { name, id };
  } catch {
    // fall through
  }
  throw invalid({ cursor: ['Invalid cursor.'] });
}
