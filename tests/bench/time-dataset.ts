// The chain's time clocks for the benchmark dataset: a year of workdays for every mechanic (four clocked slots a
// day, never overlapping, on their most recent jobs) and a clock running now for the busy mechanic and ten others,
// so My jobs shows running clocks and the technician report has a year to aggregate. Written with the triggers
// off, like the rest of it: the effective times are set here.
import type { Run } from './dataset';

export const TIME_DAYS = 365;

export async function generateTimeData(
  run: Run,
  step: (label: string, statement: string) => Promise<unknown>,
  { anchor, workers }: { anchor: string; workers: number },
): Promise<void> {
  // Each mechanic's 200 most recent jobs (started, still assigned), newest first.
  await run(`create temp table b_wjob on commit drop as
    select worker, rn, job_id, status from (
      select w.n as worker, b.id as job_id, b.status,
        row_number() over (partition by w.n order by b.created_at desc, b.j desc) as rn
      from b_job b cross join lateral (values (b.w1), (b.w2)) as w(n)
      where w.n is not null and b.assigned and b.status <> 'created') ranked
    where rn <= 200`);
  await run(`create temp table b_wcount on commit drop as select worker, count(*) as jobs from b_wjob group by worker`);
  await step(
    'time entries',
    `insert into time_entries (user_id, job_id, started_at, ended_at, effective_started_at, effective_ended_at,
      source, recorded_by, stopped_by, created_at)
    select k.workers[c.worker], wj.job_id, t.s, t.s + interval '105 minutes', t.s, t.s + interval '105 minutes',
      (case when (d + slot) % 5 = 0 then 'api' else 'ui' end)::time_entry_source, k.workers[c.worker],
      k.workers[c.worker], t.s
    from b_const k cross join b_wcount c
    cross join generate_series(1, ${TIME_DAYS}) as d cross join generate_series(0, 3) as slot
    cross join lateral (select date_trunc('day', ${anchor}) - d * interval '1 day' + interval '8 hours'
      + slot * interval '2 hours' as s) t
    join b_wjob wj on wj.worker = c.worker and wj.rn = 1 + (d * 4 + slot) % c.jobs
    where extract(isodow from t.s) < 6
    order by t.s, c.worker`,
  );
  await step(
    'running clocks',
    `insert into time_entries (user_id, job_id, started_at, effective_started_at, source, recorded_by, created_at)
    select k.workers[wj.worker], wj.job_id, ${anchor} - interval '30 minutes', ${anchor} - interval '30 minutes',
      'ui', k.workers[wj.worker], ${anchor} - interval '30 minutes'
    from b_const k
    join lateral (select distinct on (worker) worker, job_id from b_wjob
      where status = 'in_progress' and worker <= ${Math.min(11, workers)} order by worker, rn) wj on true`,
  );
}
