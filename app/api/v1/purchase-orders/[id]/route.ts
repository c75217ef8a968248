import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { getPurchaseOrder, updatePurchaseOrder } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/purchase-orders/{id}', {
  GET: ({ actor, params }) => getPurchaseOrder(actor, params.id),
  PATCH: ({ actor, params, body }) => updatePurchaseOrder(actor, params.id, body),
});
