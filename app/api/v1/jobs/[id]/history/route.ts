import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { getJobHistory } from '@/db/jobs';

export const dynamic = 'force-dynamic';

// The whole history is one page (the data layer bounds it).
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}/history', {
  GET: async ({ actor, params }) => ({ data: await getJobHistory(actor, params.id), nextCursor: null }),
});
