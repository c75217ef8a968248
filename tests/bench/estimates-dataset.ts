// The benchmark dataset's estimates (written with the triggers off, like the rest of it): one version on a share of
// the open jobs in every status — approved ones answered by link, declined ones by phone — and on the job with 50
// notes a superseded version 1 (approved by phone) under a sent version 2 whose approval link the benchmark opens.
// The token is only stored hashed, so it is derived from the job's id: the run recomputes it (benchApprovalToken).
import { createHash } from 'node:crypto';
import type { Run } from './dataset';

export function estimatesCount(scale: number) {
  return Math.max(1, Math.round(20_000 * scale));
}

/** The approval link token of the job with 50 notes: 256 bits, URL-safe, the same for the same dataset. */
export function benchApprovalToken(fiftyNotesJobId: string): string {
  return createHash('sha256').update(`bench-approval-link:${fiftyNotesJobId}`).digest('base64url');
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export async function generateEstimatesData(
  run: Run,
  step: (label: string, statement: string) => Promise<unknown>,
  { scale, fiftyNotesJobId }: { scale: number; fiftyNotesJobId: string },
): Promise<void> {
  const admin = `(select id from users where role = 'admin' order by created_at limit 1)`;
  const currency = `coalesce((select currency from shop_settings), 'USD')`;
  const fifty = `'${fiftyNotesJobId}'::uuid`;
  // Open jobs only: the benchmark's invoice writes take completed jobs, which an unanswered estimate would hold.
  await run(`create temp table b_est on commit drop as
    select gen_random_uuid() as id, j.id as job_id, j.created_by, j.created_at, 1 as version,
      (array['draft', 'sent', 'approved', 'approved', 'declined'])[1 + j.number % 5]::estimate_status as status
    from (select id, number, created_by, created_at from jobs
      where status in ('created', 'in_progress', 'waiting_for_parts') and id <> ${fifty}
        and not exists (select 1 from estimates e where e.job_id = jobs.id)
      order by number desc limit ${estimatesCount(scale)}) j
    union all select gen_random_uuid(), ${fifty}, ${admin}, now() - interval '3 days', 1, 'superseded'
    union all select gen_random_uuid(), ${fifty}, ${admin}, now() - interval '1 day', 2, 'sent'`);
  const tokenHash = `case when version = 2 then '${sha256Hex(benchApprovalToken(fiftyNotesJobId))}'
    else encode(sha256(('bench-estimate:' || id)::bytea), 'hex') end`;
  // 2.00 h labor at 100.00 and a 50.00 part, untaxed: 250.00; an approval takes the labor line (200.00).
  await step(
    'estimates',
    `insert into estimates (id, job_id, version, status, currency, subtotal_cents, tax_cents, total_cents,
      approved_total_cents, valid_days, token_hash, sent_at, sent_by, expires_at, created_by, created_at, updated_at)
    select id, job_id, version, status, ${currency}, 25000, 0, 25000,
      case status when 'approved' then 20000 when 'declined' then 0 when 'superseded' then 20000 end,
      case when version = 2 then 365 else 7 end,
      case when status <> 'draft' then ${tokenHash} end,
      case when status <> 'draft' then created_at + interval '10 minutes' end,
      case when status <> 'draft' then created_by end,
      case when version = 2 then now() + interval '365 days'
        when status <> 'draft' then created_at + interval '10 minutes' + interval '7 days' end,
      created_by, created_at, created_at
    from b_est`,
  );
  await step(
    'estimate lines',
    `insert into estimate_lines (estimate_id, revision, position, kind, description, quantity, unit_price_cents,
      tax_rate_basis_points, line_total_cents, tax_cents)
    select e.id, 1, l, (case l when 1 then 'labor' else 'part' end)::invoice_line_kind,
      case l when 1 then 'Diagnose and repair as discussed' else 'Parts as quoted' end,
      case l when 1 then 2 else 1 end, case l when 1 then 10000 else 5000 end, 0, case l when 1 then 20000 else 5000 end, 0
    from b_est e cross join generate_series(1, 2) as l`,
  );
  await step(
    'estimate authorizations',
    `insert into estimate_authorizations (estimate_id, channel, authorized_by, approved_line_ids, approved_total_cents,
      recorded_by, client_address, user_agent, created_at)
    select e.id, (case e.status when 'approved' then 'link' else 'phone' end)::authorization_channel, 'Pat Customer',
      case when e.status = 'declined' then '{}'::uuid[]
        else array(select l.id from estimate_lines l where l.estimate_id = e.id and l.position = 1) end,
      case when e.status = 'declined' then 0 else 20000 end,
      case when e.status = 'approved' then null else e.created_by end,
      case when e.status = 'approved' then '192.0.2.10' end,
      case when e.status = 'approved' then 'Mozilla/5.0 (iPhone)' end,
      e.created_at + interval '2 hours'
    from b_est e where e.status in ('approved', 'declined', 'superseded')`,
  );
}
