import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { parseApiInput } from '@/app/api/v1/_lib/parse-input';
import { apiEstimateInput } from '@/app/api/v1/_lib/specs/estimates';
import { getEstimate, updateEstimate } from '@/db/estimates';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/estimates/{id}', {
  GET: ({ actor, params }) => getEstimate(actor, params.id),
  PATCH: ({ actor, params, body }) => updateEstimate(actor, params.id, parseApiInput(apiEstimateInput, body)),
});
