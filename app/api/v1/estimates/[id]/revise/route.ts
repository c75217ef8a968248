import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { reviseEstimate } from '@/db/estimates';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/estimates/{id}/revise', {
  POST: ({ actor, params }) => reviseEstimate(actor, params.id),
});
