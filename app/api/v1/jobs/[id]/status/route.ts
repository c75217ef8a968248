import { defineApiRoute } from '@/db/api';
import { changeJobStatus } from '@/db/jobs';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}/status', {
  POST: ({ actor, params, body }) => changeJobStatus(actor, params.id, body),
});
