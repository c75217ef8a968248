import { defineApiRoute } from '@/db/api';
import { archiveVehicle } from '@/db/vehicles';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/vehicles/{id}/archive', {
  POST: ({ actor, params }) => archiveVehicle(actor, params.id),
});
