import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { listAuditEvents } from '@/db/audit';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/audit', {
  GET: ({ actor, query }) => listAuditEvents(actor, query),
});
