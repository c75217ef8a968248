// The customer's side of an estimate, reached with the approval link's token alone (no sign-in): this estimate,
// its shop, vehicle and complaint, nothing else. At most 20 requests a minute per client address, counted in
// PostgreSQL so the limit holds across app instances (like the sign-in throttle, db/auth/sign-in.ts).
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { gone, notFound, throttled } from '../core/errors';
import { parse } from '../core/input';
import { selectJobsWithCustomer } from '../jobs';
import { estimates, jobs, vehicles } from '../schema';
import { readShopSettings } from '../settings';
import { publicAnswerInput } from './inputs';
import { answerOnce, answer } from './authorizations';
import { loadEstimate } from './sql';
import type { EstimateDto, PublicEstimateDto } from './types';
import { tokenHashOf } from './writes';

export const PUBLIC_REQUESTS_PER_MINUTE = 20;

export type PublicClient = { address: string | null; userAgent: string | null };

/** Counts one request from the address; refuses (429) past the minute's allowance. */
async function countRequest(address: string | null): Promise<void> {
  const key = address?.trim().toLowerCase().slice(0, 64) || 'unknown';
  const db = await getDb();
  const result = (await db.execute(sql`
    insert into approval_request_counts as c (address, requests, window_started_at) values (${key}, 1, now())
    on conflict (address) do update set
      requests = case when c.window_started_at < now() - interval '1 minute' then 1 else c.requests + 1 end,
      window_started_at = case when c.window_started_at < now() - interval '1 minute' then now() else c.window_started_at end
    returning requests, greatest(1, ceil(extract(epoch from (window_started_at + interval '1 minute' - now()))))::int as retry_after`)) as {
    rows: { requests: number; retry_after: number }[];
  };
  const row = result.rows[0]!;
  if (Number(row.requests) > PUBLIC_REQUESTS_PER_MINUTE) {
    throw throttled('Too many requests. Please wait a minute and try again.', Number(row.retry_after));
  }
}

/** The estimate behind a token (404 when none), read with its job's vehicle and complaint. */
async function estimateByToken(executor: Executor, token: string, lock = false) {
  if (!/^[A-Za-z0-9_-]{20,128}$/.test(token)) throw notFound('Estimate');
  const query = executor
    .select({ id: estimates.id, jobId: estimates.jobId })
    .from(estimates)
    .where(eq(estimates.tokenHash, tokenHashOf(token)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Estimate');
  return row;
}

function refuseDead(estimate: EstimateDto): void {
  if (estimate.status === 'superseded') throw gone('This estimate has been replaced by a newer version.');
  if (estimate.status === 'expired') throw gone('This estimate has expired.');
}

/** What the customer sees; 404 for an unknown token, 410 for a superseded or expired estimate. */
export async function getPublicEstimate(token: string, client: PublicClient): Promise<PublicEstimateDto> {
  await countRequest(client.address);
  return readPublicEstimate(token);
}

async function readPublicEstimate(token: string): Promise<PublicEstimateDto> {
  const db = await getDb();
  const { id, jobId } = await estimateByToken(db, token);
  const estimate = await loadEstimate(db, id);
  refuseDead(estimate);
  const settings = await readShopSettings();
  const [job] = await selectJobsWithCustomer(db, {
    complaint: sql<string>`coalesce(${jobs.description}, ${jobs.title})`,
    make: vehicles.make,
    model: vehicles.model,
    year: vehicles.year,
    plate: vehicles.plate,
  }).where(eq(jobs.id, jobId));
  const answer = estimate.authorizations[0];
  return {
    status: estimate.status,
    version: estimate.version,
    currency: estimate.currency,
    locale: settings.locale,
    shop: { name: settings.shopName, address: settings.address, phone: settings.phone },
    terms: settings.estimateTerms,
    vehicle: { make: job!.make, model: job!.model, year: job!.year, plate: job!.plate },
    complaint: job!.complaint,
    lines: estimate.lines.map(
      ({ position: _position, taxRateBasisPoints: _rate, technicianId: _technician, ...line }) => line,
    ),
    subtotalCents: estimate.subtotalCents,
    taxCents: estimate.taxCents,
    totalCents: estimate.totalCents,
    approvedTotalCents: estimate.approvedTotalCents,
    expiresAt: estimate.expiresAt,
    answer: answer
      ? { approvedLineIds: answer.approvedLineIds, authorizedBy: answer.authorizedBy, createdAt: answer.createdAt }
      : null,
  };
}

/**
 * The customer's answer: the ticked lines are approved (none ticked declines). 409 when already answered, 410
 * when superseded or expired, 422 for a line not on this estimate or a missing name. Audited with origin
 * `public` and no actor.
 */
export async function answerPublicEstimate(token: string, input: unknown, client: PublicClient) {
  await countRequest(client.address);
  const db = await getDb();
  await estimateByToken(db, token);
  const data = parse(publicAnswerInput, input);
  await answerOnce(async (tx) => {
    await tx.execute(sql`select set_config('app.actor_id', '', true), set_config('app.origin', 'public', true)`);
    const { id, jobId } = await estimateByToken(tx, token);
    // The job row first, as every estimate write and the invoice take it (db/estimates/sql.ts lockEstimate).
    await tx.execute(sql`select 1 from ${jobs} where ${jobs.id} = ${jobId} for update`);
    refuseDead(await loadEstimate(tx, id));
    return answer(tx, id, {
      channel: 'link',
      authorizedBy: data.name,
      approvedLineIds: data.approvedLineIds,
      note: null,
      recordedBy: null,
      clientAddress: client.address?.slice(0, 64) ?? null,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    });
  });
  return readPublicEstimate(token);
}

/** The shop's name and phone for a dead or unknown link's message (nothing else is shown). */
export async function publicShopContact(): Promise<{ name: string; phone: string | null }> {
  const settings = await readShopSettings();
  return { name: settings.shopName, phone: settings.phone };
}
