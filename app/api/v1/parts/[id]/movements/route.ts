import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { listStockMovements } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/parts/{id}/movements', {
  GET: ({ actor, params, query }) => listStockMovements(actor, params.id, query),
});
