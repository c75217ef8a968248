// The productivity report (admins): per technician over a period of UTC days, the clocked hours (effective
// entries, void ones aside, clipped to the period; a running clock counts until now), the billed hours (labor
// lines of invoices issued in the period, db/time/billed.ts), efficiency = billed ÷ clocked, the jobs worked
// (clocked on) and the jobs completed in the period that they are assigned to or clocked on. Listed: every
// active worker, and anyone else with time, billed hours or completed jobs in the period.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { invalid } from '../core/errors';
import { parseQuery } from '../core/input';
import { requireAdmin } from '../core/policy';
import { billedHoursSql, hoursText, rowsOf } from './billed';
import { technicianReportInput } from './inputs';
import { effectiveRange } from './sql';
import { MAX_PERIOD_DAYS, periodBounds, periodDays, thisMonth } from './period';
import type { TechnicianReportDto, WeeklyHoursDto } from './types';

type ReportRow = {
  user_id: string;
  name: string;
  clocked_seconds: string;
  billed_hours: string;
  efficiency: string | null;
  jobs_worked: number;
  jobs_completed: number;
};

/**
 * A period whose end comes before its start is refused (the API, the CSV); the report screen asks with
 * `{ reversed: 'keep-start' }` instead: the period keeps its start (the report then covers that one month, or day).
 */
export type ReversedPeriod = 'refuse' | 'keep-start';

export async function getTechnicianReport(
  actor: Actor | null,
  input: unknown = {},
  options: { reversed?: ReversedPeriod } = {},
): Promise<TechnicianReportDto> {
  requireAdmin(actor);
  const asked = parseQuery(technicianReportInput, input);
  const reversed = asked.from !== undefined && asked.to !== undefined && asked.to < asked.from;
  const data = reversed && options.reversed === 'keep-start' ? { from: asked.from, to: undefined } : asked;
  const from = data.from ?? thisMonth().from;
  const to = data.to ?? (data.from && data.from > thisMonth().to ? data.from : thisMonth().to);
  if (to < from) throw invalid({ to: ['To must be on or after From.'] });
  if (periodDays(from, to) > MAX_PERIOD_DAYS) throw invalid({ to: ['A report covers at most ten years.'] });
  const { start, end } = periodBounds(from, to);
  const db = await getDb();
  const rows = await rowsOf<ReportRow>(
    db,
    sql`
    with clocked as (
      select user_id, count(distinct job_id)::int as jobs,
        floor(sum(extract(epoch from least(coalesce(effective_ended_at, clock_timestamp()), ${end}::timestamptz)
          - greatest(effective_started_at, ${start}::timestamptz))))::bigint as seconds
      from time_entries
      where not voided and ${effectiveRange} && tstzrange(${start}::timestamptz, ${end}::timestamptz)
      group by user_id
    ), billed as (
      ${billedHoursSql(sql`i.status = 'issued' and i.issued_at >= ${start}::timestamptz and i.issued_at < ${end}::timestamptz`)}
    ), completed as (
      select w.user_id, count(distinct j.id)::int as jobs
      from jobs j
      join lateral (
        select ja.worker_id as user_id from job_assignments ja where ja.job_id = j.id and ja.unassigned_at is null
        union select t.user_id from time_entries t where t.job_id = j.id and not t.voided
      ) w on true
      where j.status = 'completed' and j.completed_at >= ${start}::timestamptz and j.completed_at < ${end}::timestamptz
      group by w.user_id
    ), people as (
      select id as user_id from users where active and role = 'worker'
      union select user_id from clocked union select user_id from billed union select user_id from completed
    )
    select u.id as user_id, u.name, coalesce(c.seconds, 0)::text as clocked_seconds,
      ${hoursText(sql`b.hours`)} as billed_hours,
      case when coalesce(c.seconds, 0) > 0 then round(coalesce(b.hours, 0) * 3600 / c.seconds, 2)::text end as efficiency,
      coalesce(c.jobs, 0) as jobs_worked, coalesce(d.jobs, 0) as jobs_completed
    from people p
    join users u on u.id = p.user_id
    left join clocked c on c.user_id = p.user_id
    left join billed b on b.user_id = p.user_id
    left join completed d on d.user_id = p.user_id
    order by u.name, u.id`,
  );
  return {
    from,
    to,
    data: rows.map((row) => ({
      userId: row.user_id,
      name: row.name,
      clockedSeconds: Number(row.clocked_seconds),
      billedHours: row.billed_hours,
      efficiency: row.efficiency === null ? null : Number(row.efficiency),
      jobsWorked: Number(row.jobs_worked),
      jobsCompleted: Number(row.jobs_completed),
    })),
  };
}

export const technicianReportColumns = [
  'user_id',
  'name',
  'clocked_seconds',
  'billed_hours',
  'efficiency',
  'jobs_worked',
  'jobs_completed',
] as const;

/** The report as CSV (RFC 4180: quoted where needed, CRLF), the JSON's columns in its order. */
export async function getTechnicianReportCsv(actor: Actor | null, input: unknown = {}): Promise<string> {
  const report = await getTechnicianReport(actor, input);
  const lines = [technicianReportColumns.join(',')];
  for (const row of report.data) {
    lines.push(
      [
        row.userId,
        row.name,
        row.clockedSeconds,
        row.billedHours,
        row.efficiency === null ? '' : row.efficiency.toFixed(2),
        row.jobsWorked,
        row.jobsCompleted,
      ]
        .map((value) => csvField(String(value)))
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // A leading =, +, - or @ would be a formula in a spreadsheet: prefixed with a quote mark.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Clocked and billed hours of the whole shop per week (Monday, UTC) for the last `weeks` weeks (the dashboard). */
export async function getWeeklyHours(actor: Actor | null, weeks = 8): Promise<WeeklyHoursDto[]> {
  requireAdmin(actor);
  const db = await getDb();
  const rows = await rowsOf<{ week: string; clocked: string; billed: string }>(
    db,
    sql`
    with weeks as (
      select w at time zone 'UTC' as s, (w + interval '7 days') at time zone 'UTC' as e
      from generate_series(date_trunc('week', now() at time zone 'UTC') - make_interval(weeks => ${weeks - 1}),
        date_trunc('week', now() at time zone 'UTC'), interval '7 days') w
    )
    select to_char(weeks.s at time zone 'UTC', 'YYYY-MM-DD') as week,
      coalesce((select sum(extract(epoch from least(coalesce(t.effective_ended_at, clock_timestamp()), weeks.e)
          - greatest(t.effective_started_at, weeks.s))) / 3600
        from time_entries t where not t.voided and ${effectiveRange} && tstzrange(weeks.s, weeks.e)), 0)::text as clocked,
      coalesce((select sum(l.quantity) from invoice_lines l join invoices i on i.id = l.invoice_id
        where l.kind = 'labor' and i.status = 'issued' and i.issued_at >= weeks.s and i.issued_at < weeks.e), 0)::text as billed
    from weeks order by weeks.s`,
  );
  return rows.map((row) => ({
    weekStart: row.week,
    clockedHours: Math.round(Number(row.clocked) * 100) / 100,
    billedHours: Math.round(Number(row.billed) * 100) / 100,
  }));
}
