import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { createJob, listJobs } from '@/db/jobs';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs', {
  GET: ({ actor, query }) => listJobs(actor, query),
  POST: ({ actor, body }) => createJob(actor, body),
});
