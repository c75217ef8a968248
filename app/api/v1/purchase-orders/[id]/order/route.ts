import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { orderPurchaseOrder } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/purchase-orders/{id}/order', {
  POST: ({ actor, params }) => orderPurchaseOrder(actor, params.id),
});
