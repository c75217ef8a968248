import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { createVehicle, listVehicles } from '@/db/vehicles';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/vehicles', {
  GET: ({ actor, query }) => listVehicles(actor, query),
  POST: ({ actor, body }) => createVehicle(actor, body),
});
