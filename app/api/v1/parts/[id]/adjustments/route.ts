import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { adjustStock } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/parts/{id}/adjustments', {
  POST: ({ actor, params, body }) => adjustStock(actor, params.id, body),
});
