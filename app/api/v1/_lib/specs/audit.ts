// The audit trail: admin only.
import { z } from 'zod';
import { listAuditEventsInput, type AuditEventDto } from '@/db/audit';
import { auditAction, requestOrigin } from '@/db/schema';
import { component, matching } from '../components';
import type { ApiRouteSpec } from '../route-spec';
import { timestamp, uuid } from './fields';

export const auditEventDto = component(
  'AuditEvent',
  z.object({
    id: z.number().int(),
    occurredAt: timestamp,
    actorId: uuid.nullable(),
    actorName: z.string().nullable(),
    origin: z.enum(requestOrigin.enumValues),
    entity: z.string(),
    entityId: z.string(),
    action: z.enum(auditAction.enumValues),
    before: z.unknown().describe('The row before the change (null for an insert).'),
    after: z.unknown().describe('The row after the change.'),
  }),
  matching<AuditEventDto>(),
);

export const auditRoutes: ApiRouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/audit',
    operationId: 'listAuditEvents',
    summary: 'The audit trail (admin)',
    description:
      'Every insert and update, newest first, with who, from where (ui, api, system) and the row before and after.',
    tag: 'Audit',
    role: 'admin',
    query: listAuditEventsInput,
    list: true,
    response: auditEventDto,
  },
];
