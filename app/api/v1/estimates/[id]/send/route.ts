import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { sendEstimate } from '@/db/estimates';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/estimates/{id}/send', {
  POST: ({ actor, params }) => sendEstimate(actor, params.id),
});
