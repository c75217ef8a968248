// The job's timeline entries from its estimates: each version created, sent and superseded, and each answer.
import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { requireSignedIn } from '../core/policy';
import { jobAccess } from '../jobs/access';
import { estimateAuthorizations, estimates, users, type AuthorizationChannel } from '../schema';

export type EstimateTimelineEventDto =
  | { kind: 'created' | 'superseded'; estimateId: string; version: number; at: Date; by: string }
  | { kind: 'sent'; estimateId: string; version: number; at: Date; by: string | null; expiresAt: Date | null }
  | {
      kind: 'answered';
      estimateId: string;
      version: number;
      at: Date;
      /** Staff who recorded a phone or in-person answer; null when the customer answered by link. */
      by: string | null;
      channel: AuthorizationChannel;
      authorizedBy: string;
      approvedLineCount: number;
      approvedTotalCents: number;
    };

const creator = alias(users, 'creator');
const sender = alias(users, 'sender');
const recorder = alias(users, 'recorder');

/**
 * Every estimate event of the job, oldest first. A version is superseded when the next one is created (by its
 * creator): the time and name come from that version, the row itself keeps no separate record of it.
 */
export async function listJobEstimateEvents(actor: Actor | null, jobId: string): Promise<EstimateTimelineEventDto[]> {
  const user = requireSignedIn(actor);
  const db = await getDb();
  await jobAccess(db, user, jobId);
  const rows = await db
    .select({
      id: estimates.id,
      version: estimates.version,
      createdAt: estimates.createdAt,
      createdBy: creator.name,
      sentAt: estimates.sentAt,
      sentBy: sender.name,
      expiresAt: estimates.expiresAt,
      answerAt: estimateAuthorizations.createdAt,
      channel: estimateAuthorizations.channel,
      authorizedBy: estimateAuthorizations.authorizedBy,
      approvedLineCount: sql<number>`cardinality(${estimateAuthorizations.approvedLineIds})`,
      approvedTotalCents: estimateAuthorizations.approvedTotalCents,
      recordedBy: recorder.name,
    })
    .from(estimates)
    .innerJoin(creator, eq(creator.id, estimates.createdBy))
    .leftJoin(sender, eq(sender.id, estimates.sentBy))
    .leftJoin(estimateAuthorizations, eq(estimateAuthorizations.estimateId, estimates.id))
    .leftJoin(recorder, eq(recorder.id, estimateAuthorizations.recordedBy))
    .where(eq(estimates.jobId, jobId))
    .orderBy(asc(estimates.version))
    .limit(200);
  const events: EstimateTimelineEventDto[] = [];
  rows.forEach((row, index) => {
    const base = { estimateId: row.id, version: row.version };
    events.push({ ...base, kind: 'created', at: row.createdAt, by: row.createdBy });
    if (row.sentAt) events.push({ ...base, kind: 'sent', at: row.sentAt, by: row.sentBy, expiresAt: row.expiresAt });
    if (row.answerAt && row.channel && row.authorizedBy !== null) {
      events.push({
        ...base,
        kind: 'answered',
        at: row.answerAt,
        by: row.recordedBy,
        channel: row.channel,
        authorizedBy: row.authorizedBy,
        approvedLineCount: Number(row.approvedLineCount),
        approvedTotalCents: Number(row.approvedTotalCents),
      });
    }
    const next = rows[index + 1];
    if (next) events.push({ ...base, kind: 'superseded', at: next.createdAt, by: next.createdBy });
  });
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
