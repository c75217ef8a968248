import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { cancelPurchaseOrder } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/purchase-orders/{id}/cancel', {
  POST: ({ actor, params }) => cancelPurchaseOrder(actor, params.id),
});
