import 'server-only';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Page } from './core/cursor';
import type { Actor } from './core/actor';
import { getDb } from './client';
import { fieldErrorsFromZod, invalid } from './core/errors';
import { requireAdmin } from './core/policy';
import { auditedTables, auditEvents, users } from './schema';

export const auditEntities = auditedTables;

export const listAuditEventsInput = z.object({
  entity: z.enum(auditEntities, { error: 'Unknown entity.' }).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  actorId: z.uuid('Not a user id.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().regex(/^\d+$/, 'Invalid cursor.').optional(),
});

export type AuditEventDto = {
  id: number;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  origin: 'ui' | 'api' | 'system' | 'public';
  entity: string;
  entityId: string;
  action: 'insert' | 'update';
  before: unknown;
  after: unknown;
};

/** The audit trail, newest first, filtered by entity (and row) or by the user who acted. Admin only. */
export async function listAuditEvents(actor: Actor | null, input: unknown = {}): Promise<Page<AuditEventDto>> {
  requireAdmin(actor);
  const parsed = listAuditEventsInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsFromZod(parsed.error));
  const { entity, entityId, actorId, limit, cursor } = parsed.data;
  const db = await getDb();
  const author = alias(users, 'author');
  const conditions: (SQL | undefined)[] = [
    entity ? eq(auditEvents.entity, entity) : undefined,
    entityId ? eq(auditEvents.entityId, entityId) : undefined,
    actorId ? eq(auditEvents.actorId, actorId) : undefined,
    cursor ? lt(auditEvents.id, Number(cursor)) : undefined,
  ];
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      actorId: auditEvents.actorId,
      actorName: author.name,
      origin: auditEvents.origin,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      action: auditEvents.action,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(author, eq(author.id, auditEvents.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { data: page, nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null };
}
