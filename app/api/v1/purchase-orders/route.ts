import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { createPurchaseOrder, listPurchaseOrders } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/purchase-orders', {
  GET: ({ actor, query }) => listPurchaseOrders(actor, query),
  POST: ({ actor, body }) => createPurchaseOrder(actor, body),
});
