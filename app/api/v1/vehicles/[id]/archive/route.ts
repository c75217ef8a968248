import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { archiveVehicle } from '@/db/vehicles';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/vehicles/{id}/archive', {
  POST: ({ actor, params }) => archiveVehicle(actor, params.id),
});
