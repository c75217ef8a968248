import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { listTimeEntries } from '@/db/time';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/time-entries', {
  GET: ({ actor, query }) => listTimeEntries(actor, query),
});
