// The admin's job board and the worker's "my jobs" screen: bounded reads of the open and recently closed jobs.
import 'server-only';
import { and, asc, desc, eq, gt, isNotNull, lt, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, preparedRead, type Database, type Executor } from '../client';
import { parse } from '../core/input';
import { assignedTo, requireAdmin, requireSignedIn } from '../core/policy';
import { jobAssignments, jobs, jobStatus, type JobStatus } from '../schema';
import { boardFiltersInput, flag } from './inputs';
import { selectSummaries, summaries } from './summaries';
import type { BoardColumnDto, JobSummaryDto } from './types';

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
  input: unknown = {},
): Promise<{ columns: BoardColumnDto[] }> {
  requireAdmin(actor);
  const { worker, priority, overdue, perColumn } = parse(boardFiltersInput, input ?? {});
  const onlyOverdue = flag(overdue);
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
