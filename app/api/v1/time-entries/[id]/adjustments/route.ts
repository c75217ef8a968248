import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { adjustTimeEntry } from '@/db/time';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/time-entries/{id}/adjustments', {
  POST: ({ actor, params, body }) => adjustTimeEntry(actor, params.id, body),
});
