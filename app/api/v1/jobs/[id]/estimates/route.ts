import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { parseApiInput } from '@/app/api/v1/_lib/parse-input';
import { apiEstimateInput } from '@/app/api/v1/_lib/specs/estimates';
import { createEstimate, listJobEstimates } from '@/db/estimates';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}/estimates', {
  GET: async ({ actor, params }) => ({ data: await listJobEstimates(actor, params.id) }),
  POST: ({ actor, params, body }) => createEstimate(actor, params.id, parseApiInput(apiEstimateInput, body)),
});
