// What the job's estimate means for its invoice: the editor starts from the approved lines, and issuing is
// refused while the current estimate awaits an answer or when the total exceeds the approved total by more than
// the shop's tolerance. Called inside the issuing transaction, after the job row's lock (which every estimate
// write and answer also takes first), so an answer or a new version cannot slip in between check and insert.
import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { conflict } from '../core/errors';
import { requireSignedIn } from '../core/policy';
import { estimates } from '../schema';
import type { ShopSettingsDto } from '../settings';
import { loadEstimate, readStatus } from './sql';
import type { EstimateLineDto } from './types';

/** Refuses (409) an invoice the job's current estimate does not authorize; jobs without estimates pass. */
export async function assertInvoiceAuthorized(
  tx: Executor,
  jobId: string,
  totalCents: number,
  settings: Pick<ShopSettingsDto, 'approvalTolerancePercent' | 'currency' | 'locale'>,
): Promise<void> {
  const [current] = await tx
    .select({
      status: estimates.status,
      expiresAt: estimates.expiresAt,
      approvedTotalCents: estimates.approvedTotalCents,
    })
    .from(estimates)
    .where(and(eq(estimates.jobId, jobId), ne(estimates.status, 'superseded')));
  if (!current) return;
  const status = readStatus(current.status, current.expiresAt);
  if (status === 'sent') {
    throw conflict('The customer has not answered the estimate yet — record their authorization first.');
  }
  if (status !== 'approved') return;
  const approved = Number(current.approvedTotalCents);
  // Integer arithmetic: total × 100 ≤ approved × (100 + tolerance).
  if (totalCents * 100 <= approved * (100 + settings.approvalTolerancePercent)) return;
  const money = new Intl.NumberFormat(settings.locale, { style: 'currency', currency: settings.currency });
  throw conflict(
    `This invoice exceeds the customer's authorization of ${money.format(approved / 100)} by ${money.format((totalCents - approved) / 100)} — record a new authorization.`,
  );
}

/** The lines the invoice editor starts from: the approved lines of the job's current, approved estimate. */
export async function approvedLinesForInvoice(actor: Actor | null, jobId: string): Promise<EstimateLineDto[] | null> {
  requireSignedIn(actor);
  const db = await getDb();
  const [current] = await db
    .select({ id: estimates.id })
    .from(estimates)
    .where(and(eq(estimates.jobId, jobId), eq(estimates.status, 'approved')));
  if (!current) return null;
  const estimate = await loadEstimate(db, current.id);
  const approved = new Set(estimate.authorizations[0]?.approvedLineIds ?? []);
  return estimate.lines.filter((line) => approved.has(line.id));
}
