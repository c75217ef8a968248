import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { addJobPart, listJobParts } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}/parts', {
  GET: async ({ actor, params }) => ({ data: await listJobParts(actor, params.id), nextCursor: null }),
  POST: ({ actor, params, body }) => addJobPart(actor, params.id, body),
});
