// Reading time entries: the keyset list (workers: their own), the caller's running clock (the shell), the
// running clocks of the shop and the technicians' timesheets (admins), the job page's clocked time.
import 'server-only';
import { and, asc, desc, eq, getTableColumns, gte, isNull, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { decodeCursor, keysetPage, type Page } from '../core/cursor';
import { forbidden, invalid, notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { parseQuery } from '../core/input';
import { isAdmin, requireAdmin, requireSignedIn } from '../core/policy';
import { jobAccess } from '../jobs/access';
import { jobs, timeEntries, timeEntryAdjustments, users } from '../schema';
import { billedHoursSql, hoursText, rowsOf } from './billed';
import { listTimeEntriesInput, timesheetInput } from './inputs';
import { lastDays, periodBounds, periodDays } from './period';
import { entryById, entryColumns, selectEntries } from './sql';
import type { JobClockedTimeDto, TimeAdjustmentDto, TimeEntryDto } from './types';

/** Effective entries, newest first, keyset-paginated; a worker sees only their own (another user_id: 403). */
export async function listTimeEntries(
  actor: Actor | null,
  input: z.input<typeof listTimeEntriesInput> | Record<string, unknown> = {},
): Promise<Page<TimeEntryDto>> {
  const signedIn = requireSignedIn(actor);
  const data = parseQuery(listTimeEntriesInput, input);
  if (data.userId && data.userId !== signedIn.id && !isAdmin(signedIn))
    throw forbidden('A worker sees only their own time entries.');
  const userId = isAdmin(signedIn) ? data.userId : signedIn.id;
  const after = data.cursor ? decodeCursor(data.cursor, ['timestamp', 'uuid']) : null;
  const bounds = periodOf(data.from, data.to);
  const db = await getDb();
  const rows = await db
    .select({ ...entryColumns, key: sql<string>`${timeEntries.effectiveStartedAt}::text` })
    .from(timeEntries)
    .innerJoin(users, eq(users.id, timeEntries.userId))
    .innerJoin(jobs, eq(jobs.id, timeEntries.jobId))
    .where(
      and(
        userId ? eq(timeEntries.userId, userId) : undefined,
        data.jobId ? eq(timeEntries.jobId, data.jobId) : undefined,
        bounds.start ? gte(timeEntries.effectiveStartedAt, bounds.start) : undefined,
        bounds.end ? lt(timeEntries.effectiveStartedAt, bounds.end) : undefined,
        after
          ? sql`(${timeEntries.effectiveStartedAt}, ${timeEntries.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(timeEntries.effectiveStartedAt), desc(timeEntries.id))
    .limit(data.limit + 1);
  return keysetPage(rows, data.limit, (last) => [last.key, last.id], withoutKey);
}

/** An entry as the list reads it, less its sort key. */
const withoutKey = <Row extends { key: string }>({ key: _key, ...entry }: Row) => entry;

function periodOf(from: string | undefined, to: string | undefined): { start?: Date; end?: Date } {
  if (from && to && to < from) throw invalid({ to: ['To must be on or after From.'] });
  return {
    start: from ? periodBounds(from, from).start : undefined,
    end: to ? periodBounds(to, to).end : undefined,
  };
}

/** The caller's running clock (the shell shows it on every page), or null. */
export async function getMyRunningClock(actor: Actor | null): Promise<TimeEntryDto | null> {
  const signedIn = requireSignedIn(actor);
  const db = await getDb();
  const [entry] = await selectEntries(db, and(eq(timeEntries.userId, signedIn.id), isNull(timeEntries.endedAt)));
  return entry ?? null;
}

/** Every clock running now, the longest-running first (admins). */
export async function listRunningClocks(actor: Actor | null): Promise<TimeEntryDto[]> {
  requireAdmin(actor);
  const db = await getDb();
  return selectEntries(db, isNull(timeEntries.endedAt)).orderBy(asc(timeEntries.startedAt)).limit(200);
}

/** The technicians' entries over a period (default the last seven days), by name then oldest first (admins). */
export async function getTimesheet(actor: Actor | null, input: unknown = {}) {
  requireAdmin(actor);
  const data = parseQuery(timesheetInput, input);
  const from = data.from ?? lastDays(7).from;
  const to = data.to ?? (data.from && data.from > lastDays(7).to ? data.from : lastDays(7).to);
  if (to < from) throw invalid({ to: ['To must be on or after From.'] });
  if (periodDays(from, to) > 62) throw invalid({ to: ['A timesheet covers at most 62 days.'] });
  const { start, end } = periodBounds(from, to);
  const db = await getDb();
  const entries = await selectEntries(
    db,
    and(
      data.userId ? eq(timeEntries.userId, data.userId) : undefined,
      gte(timeEntries.effectiveStartedAt, start),
      lt(timeEntries.effectiveStartedAt, end),
    ),
  )
    .orderBy(asc(users.name), asc(timeEntries.userId), asc(timeEntries.effectiveStartedAt))
    .limit(2000);
  return { from, to, entries };
}

/** One entry as corrected (admins; the correction page). */
export async function getTimeEntry(actor: Actor | null, entryId: string): Promise<TimeEntryDto> {
  requireAdmin(actor);
  if (!isUuid(entryId)) throw notFound('Time entry');
  const entry = await entryById(await getDb(), entryId);
  if (!entry) throw notFound('Time entry');
  return entry;
}

/** The corrections of an entry, oldest first (admins). */
export async function listTimeAdjustments(actor: Actor | null, entryId: string): Promise<TimeAdjustmentDto[]> {
  requireAdmin(actor);
  if (!isUuid(entryId)) throw notFound('Time entry');
  const db = await getDb();
  const rows = await db
    .select({ ...getTableColumns(timeEntryAdjustments), createdByName: users.name })
    .from(timeEntryAdjustments)
    .innerJoin(users, eq(users.id, timeEntryAdjustments.createdBy))
    .where(eq(timeEntryAdjustments.timeEntryId, entryId))
    .orderBy(asc(timeEntryAdjustments.createdAt), asc(timeEntryAdjustments.id));
  return rows.map(({ createdBy, createdByName, ...row }) => ({
    ...row,
    createdBy: { id: createdBy, name: createdByName },
  }));
}

/** Clocked time on a job per technician and in total, beside the hours billed on its live invoice. */
export async function getJobClockedTime(actor: Actor | null, jobId: string): Promise<JobClockedTimeDto> {
  const signedIn = requireSignedIn(actor);
  const db = await getDb();
  await jobAccess(db, signedIn, jobId);
  const rows = await rowsOf<{
    user_id: string;
    name: string;
    clocked_seconds: number;
    running: boolean;
    billed: string;
  }>(
    db,
    sql`
    with clocked as (
      select user_id, bool_or(ended_at is null) as running,
        sum(greatest(0, floor(extract(epoch from coalesce(effective_ended_at, clock_timestamp()) - effective_started_at))))::int as seconds
      from time_entries where job_id = ${jobId} and not voided group by user_id
    ), billed as (${billedHoursSql(sql`i.job_id = ${jobId} and i.status = 'issued'`)})
    select u.id as user_id, u.name, coalesce(c.seconds, 0) as clocked_seconds, coalesce(c.running, false) as running,
      ${hoursText(sql`b.hours`)} as billed
    from clocked c full join billed b on b.user_id = c.user_id
    join users u on u.id = coalesce(c.user_id, b.user_id)
    order by u.name, u.id`,
  );
  const [total] = await rowsOf<{ billed: string }>(
    db,
    sql`select ${hoursText(sql`sum(l.quantity)`)} as billed
    from invoice_lines l join invoices i on i.id = l.invoice_id
    where i.job_id = ${jobId} and i.status = 'issued' and l.kind = 'labor'`,
  );
  const technicians = rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    clockedSeconds: Number(row.clocked_seconds),
    running: row.running,
    billedHours: row.billed,
  }));
  return {
    technicians,
    totalSeconds: technicians.reduce((sum, row) => sum + row.clockedSeconds, 0),
    billedHours: total?.billed ?? '0.00',
  };
}
