import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { changeJobStatus } from '@/db/jobs';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}/status', {
  POST: ({ actor, params, body }) => changeJobStatus(actor, params.id, body),
});
