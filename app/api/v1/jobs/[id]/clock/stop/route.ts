import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { stopClock } from '@/db/time';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}/clock/stop', {
  POST: ({ actor, params, body }) => stopClock(actor, params.id, body),
});
