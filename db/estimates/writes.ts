// Writing estimates: a new version (the previous current one superseded), editing a draft, sending it (the
// approval link) and revising a sent or answered one. Every write locks the job row first (sql.ts lockEstimate),
// so the versions, answers and the invoice of one job never interleave.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, max, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { conflict, isCheckViolation, isUniqueViolation, notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { parse } from '../core/input';
import { requireSignedIn } from '../core/policy';
import { hundredthsToQuantity, priceLines, quantityToHundredths } from '../money';
import { env } from '../platform/env';
import { jobAccess } from '../jobs/access';
import { assertTechniciansAssigned, currentAssigneeIds, taxRateFor, technicianOfLine } from '../invoices/issuing';
import type { invoiceLineInput } from '../invoices/inputs';
import { estimateLines, estimates } from '../schema';
import { getShopSettings, type ShopSettingsDto } from '../settings';
import { estimateInput } from './inputs';
import { loadEstimate, lockEstimate } from './sql';
import type { EstimateDto, SentEstimateDto } from './types';

type LineInput = z.infer<typeof invoiceLineInput>;

/** The lines priced like an invoice's (db/money.ts), tax by kind from the shop settings. */
export function priceEstimateLines(lines: LineInput[], settings: ShopSettingsDto) {
  const described = lines.map((line) => ({
    kind: line.kind,
    description: line.description,
    quantityHundredths: quantityToHundredths(line.quantity)!,
    unitPriceCents: line.unitPriceCents ?? (line.kind === 'labor' ? settings.laborRateCents : 0),
    taxBasisPoints: taxRateFor(line.kind, settings),
    technicianId: technicianOfLine(line),
  }));
  const priced = priceLines(described);
  return { ...priced, lines: priced.lines.map((line, index) => ({ ...line, ...described[index]! })) };
}

async function insertLines(tx: Executor, estimateId: string, revision: number, priced: PricedEstimate) {
  await tx.insert(estimateLines).values(
    priced.lines.map((line, index) => ({
      estimateId,
      revision,
      position: index + 1,
      kind: line.kind,
      description: line.description,
      quantity: hundredthsToQuantity(line.quantityHundredths),
      unitPriceCents: line.unitPriceCents,
      taxRateBasisPoints: line.taxBasisPoints,
      lineTotalCents: line.lineTotalCents,
      taxCents: line.taxCents,
      technicianId: line.technicianId,
    })),
  );
}
type PricedEstimate = ReturnType<typeof priceEstimateLines>;

/** A new draft version of the job's estimate; the current one (if any) becomes superseded, its link dead. */
async function insertVersion(
  tx: Executor,
  actor: Actor,
  jobId: string,
  data: z.infer<typeof estimateInput>,
  settings: ShopSettingsDto,
): Promise<string> {
  const priced = priceEstimateLines(data.lines, settings);
  await assertTechniciansAssigned(tx, jobId, priced.lines);
  const [last] = await tx
    .select({ version: max(estimates.version) })
    .from(estimates)
    .where(eq(estimates.jobId, jobId));
  await tx
    .update(estimates)
    .set({ status: 'superseded', updatedAt: new Date() })
    .where(and(eq(estimates.jobId, jobId), ne(estimates.status, 'superseded')));
  const [estimate] = await tx
    .insert(estimates)
    .values({
      jobId,
      version: (last?.version ?? 0) + 1,
      currency: settings.currency,
      subtotalCents: priced.subtotalCents,
      taxCents: priced.taxCents,
      totalCents: priced.totalCents,
      notes: data.notes || null,
      validDays: data.validDays ?? settings.estimateValidDays,
      createdBy: actor.id,
    })
    .returning({ id: estimates.id });
  await insertLines(tx, estimate!.id, 1, priced);
  return estimate!.id;
}

async function write<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await db.transaction(work);
  } catch (error) {
    if (
      isUniqueViolation(error, 'estimates_job_current_key') ||
      isUniqueViolation(error, 'estimates_job_version_key')
    ) {
      throw conflict('Another estimate for this job was written at the same time. Reload and try again.');
    }
    if (isCheckViolation(error, 'estimates_frozen') || isCheckViolation(error, 'estimates_status_transition')) {
      throw conflict('A sent estimate cannot be changed. Revise it instead.');
    }
    throw error;
  }
}

/** Writes a new draft version for a job the actor can see (admins, and workers who see the job). */
export async function createEstimate(actor: Actor | null, jobId: string, input: unknown): Promise<EstimateDto> {
  const user = requireSignedIn(actor);
  if (!isUuid(jobId)) throw notFound('Job');
  await jobAccess(await getDb(), user, jobId);
  const data = parse(estimateInput, input);
  const settings = await getShopSettings(user);
  const id = await write(async (tx) => {
    await jobAccess(tx, user, jobId, { lock: 'update' });
    return insertVersion(tx, user, jobId, data, settings);
  });
  return loadEstimate(await getDb(), id);
}

/** Replaces a draft's lines, notes and validity (a new set of lines: lines are never changed in place). */
export async function updateEstimate(actor: Actor | null, estimateId: string, input: unknown): Promise<EstimateDto> {
  const user = requireSignedIn(actor);
  if (!isUuid(estimateId)) throw notFound('Estimate');
  const data = parse(estimateInput, input);
  const settings = await getShopSettings(user);
  const priced = priceEstimateLines(data.lines, settings);
  await write(async (tx) => {
    const estimate = await lockEstimate(tx, user, estimateId);
    if (estimate.status !== 'draft') throw conflict('Only a draft estimate can be edited. Revise it instead.');
    await assertTechniciansAssigned(tx, estimate.jobId, priced.lines);
    const revision = estimate.lineRevision + 1;
    await tx
      .update(estimates)
      .set({
        lineRevision: revision,
        subtotalCents: priced.subtotalCents,
        taxCents: priced.taxCents,
        totalCents: priced.totalCents,
        notes: data.notes || null,
        validDays: data.validDays ?? estimate.validDays,
        updatedAt: new Date(),
      })
      .where(eq(estimates.id, estimateId));
    await insertLines(tx, estimateId, revision, priced);
  });
  return loadEstimate(await getDb(), estimateId);
}

/** SHA-256 of an approval token, as stored. */
export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function approvalUrlOf(token: string): string {
  const base = (env().NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  return `${base}/approve/${token}`;
}

/**
 * Sends a draft: a fresh 256-bit token (base64url) whose SHA-256 alone is stored; the link expires after the
 * estimate's valid days. The token is in the answer only — it cannot be shown again (revise for a new link).
 */
export async function sendEstimate(actor: Actor | null, estimateId: string): Promise<SentEstimateDto> {
  const user = requireSignedIn(actor);
  if (!isUuid(estimateId)) throw notFound('Estimate');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = await write(async (tx) => {
    const estimate = await lockEstimate(tx, user, estimateId);
    if (estimate.status !== 'draft') throw conflict('This estimate has already been sent.');
    const sentAt = new Date();
    const expires = new Date(sentAt.getTime() + estimate.validDays * 86_400_000);
    await tx
      .update(estimates)
      .set({ status: 'sent', tokenHash: tokenHashOf(token), sentAt, sentBy: user.id, expiresAt: expires })
      .where(eq(estimates.id, estimateId));
    return expires;
  });
  return { estimate: await loadEstimate(await getDb(), estimateId), approvalUrl: approvalUrlOf(token), expiresAt };
}

/** A new draft version with the same lines as this (current, sent or answered) one, which is superseded. */
export async function reviseEstimate(actor: Actor | null, estimateId: string): Promise<EstimateDto> {
  const user = requireSignedIn(actor);
  if (!isUuid(estimateId)) throw notFound('Estimate');
  const settings = await getShopSettings(user);
  const id = await write(async (tx) => {
    const estimate = await lockEstimate(tx, user, estimateId);
    if (estimate.status === 'superseded') throw conflict('Only the current estimate can be revised.');
    if (estimate.status === 'draft') throw conflict('This estimate is still a draft: edit it instead.');
    const current = await loadEstimate(tx, estimateId);
    // A technician unassigned since is left off the new version's line.
    const assigned = await currentAssigneeIds(tx, estimate.jobId);
    const lines = current.lines.map((line) => ({
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      technicianId: line.technicianId && assigned.has(line.technicianId) ? line.technicianId : null,
    }));
    return insertVersion(
      tx,
      user,
      estimate.jobId,
      { lines, notes: estimate.notes, validDays: estimate.validDays },
      settings,
    );
  });
  return loadEstimate(await getDb(), id);
}
