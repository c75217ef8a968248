import { defineApiRoute } from '@/db/api';
import { listAuditEvents } from '@/db/audit';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/audit', {
  GET: ({ actor, query }) => listAuditEvents(actor, query),
});
