import { defineApiRoute } from '@/db/api';
import { getJob, updateJob } from '@/db/jobs';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}', {
  GET: ({ actor, params }) => getJob(actor, params.id),
  PATCH: ({ actor, params, body }) => updateJob(actor, params.id, body),
});
