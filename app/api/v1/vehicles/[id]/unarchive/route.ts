import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { unarchiveVehicle } from '@/db/vehicles';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/vehicles/{id}/unarchive', {
  POST: ({ actor, params }) => unarchiveVehicle(actor, params.id),
});
