// Billed hours per technician: the quantities of labor lines on issued invoices. A line naming a technician is
// theirs; a line naming nobody is split evenly among the job's current assignees (nobody's when it has none).
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';

/**
 * `select user_id, hours` (exact numeric) over the labor lines of the invoices `i` matching `invoices`.
 * For a `with` clause.
 */
export function billedHoursSql(invoices: SQL): SQL {
  return sql`
    select coalesce(l.technician_id, a.worker_id) as user_id,
      sum(case when l.technician_id is not null then l.quantity else l.quantity / n.assignees end) as hours
    from invoice_lines l
    join invoices i on i.id = l.invoice_id
    left join lateral (
      select count(*)::numeric as assignees from job_assignments ja
      where ja.job_id = i.job_id and ja.unassigned_at is null
    ) n on l.technician_id is null
    left join job_assignments a on l.technician_id is null and a.job_id = i.job_id and a.unassigned_at is null
    where l.kind = 'labor' and (${invoices}) and (l.technician_id is not null or a.worker_id is not null)
    group by 1`;
}

/** Hours (numeric) as decimal text with two places, "0.00" for none. */
export const hoursText = (hours: SQL) => sql`round(coalesce(${hours}, 0), 2)::numeric(14, 2)::text`;

/** The rows of a raw statement (node-postgres and PGlite both answer `{ rows }`). */
export async function rowsOf<T>(executor: Executor, query: SQL): Promise<T[]> {
  return ((await executor.execute(query)) as unknown as { rows: T[] }).rows;
}
