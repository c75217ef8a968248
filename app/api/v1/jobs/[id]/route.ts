import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { getJob, updateJob } from '@/db/jobs';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}', {
  GET: ({ actor, params }) => getJob(actor, params.id),
  PATCH: ({ actor, params, body }) => updateJob(actor, params.id, body),
});
