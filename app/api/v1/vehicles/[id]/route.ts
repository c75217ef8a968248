import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { getVehicle, updateVehicle } from '@/db/vehicles';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/vehicles/{id}', {
  GET: ({ actor, params }) => getVehicle(actor, params.id),
  PATCH: ({ actor, params, body }) => updateVehicle(actor, params.id, body),
});
