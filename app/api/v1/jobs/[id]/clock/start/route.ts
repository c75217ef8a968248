import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { startClock } from '@/db/time';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}/clock/start', {
  POST: ({ actor, params, body }) => startClock(actor, params.id, body),
});
