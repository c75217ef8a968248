// Answering an estimate: staff record a phone or in-person authorization; the customer answers through the
// link. One answer per version (estimate_authorizations_estimate_key); the record is append-only.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { conflict, invalid, isUniqueViolation, notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { parse } from '../core/input';
import { requireSignedIn } from '../core/policy';
import { estimateAuthorizations, estimates, type AuthorizationChannel } from '../schema';
import { staffAuthorizationInput } from './inputs';
import { loadEstimate, lockEstimate } from './sql';
import type { AuthorizationDto } from './types';

const alreadyAnswered = () => conflict('This estimate has already been answered.');

type Answer = {
  channel: AuthorizationChannel;
  authorizedBy: string;
  approvedLineIds: string[];
  note: string | null;
  recordedBy: string | null;
  clientAddress: string | null;
  userAgent: string | null;
};

/** Writes the answer for a locked, sent, unexpired, unanswered estimate; returns the authorization's id. */
export async function answer(tx: Executor, estimateId: string, data: Answer): Promise<string> {
  const estimate = await loadEstimate(tx, estimateId);
  if (estimate.status === 'approved' || estimate.status === 'declined') throw alreadyAnswered();
  if (estimate.status === 'expired') throw conflict('This estimate has expired. Revise it and send it again.');
  if (estimate.status === 'superseded') throw conflict('This estimate has been replaced by a newer version.');
  if (estimate.status !== 'sent') throw conflict('Send the estimate before recording an answer.');
  const byId = new Map(estimate.lines.map((line) => [line.id, line]));
  const chosen = [...new Set(data.approvedLineIds)];
  if (chosen.some((id) => !byId.has(id))) {
    throw invalid({ approvedLineIds: ['Choose lines of this estimate.'] });
  }
  const approvedTotalCents = chosen.reduce((sum, id) => sum + byId.get(id)!.totalCents, 0);
  const [row] = await tx
    .insert(estimateAuthorizations)
    .values({ estimateId, ...data, approvedLineIds: chosen, approvedTotalCents })
    .returning({ id: estimateAuthorizations.id });
  await tx
    .update(estimates)
    .set({ status: chosen.length > 0 ? 'approved' : 'declined', approvedTotalCents, updatedAt: new Date() })
    .where(eq(estimates.id, estimateId));
  return row!.id;
}

export async function answerOnce(work: (tx: Executor) => Promise<string>): Promise<string> {
  const db = await getDb();
  try {
    return await db.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error, 'estimate_authorizations_estimate_key')) throw alreadyAnswered();
    throw error;
  }
}

async function loadAuthorization(estimateId: string, id: string): Promise<AuthorizationDto> {
  const estimate = await loadEstimate(await getDb(), estimateId);
  return estimate.authorizations.find((entry) => entry.id === id)!;
}

/** Staff record the customer's phone or in-person answer (the authorizer's name is required). */
export async function recordAuthorization(
  actor: Actor | null,
  estimateId: string,
  input: unknown,
): Promise<AuthorizationDto> {
  const user = requireSignedIn(actor);
  if (!isUuid(estimateId)) throw notFound('Estimate');
  const data = parse(staffAuthorizationInput, input);
  const id = await answerOnce(async (tx) => {
    await lockEstimate(tx, user, estimateId);
    return answer(tx, estimateId, {
      channel: data.channel,
      authorizedBy: data.authorizedBy,
      approvedLineIds: data.approvedLineIds,
      note: data.note || null,
      recordedBy: user.id,
      clientAddress: null,
      userAgent: null,
    });
  });
  return loadAuthorization(estimateId, id);
}
