import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { unarchiveCustomer } from '@/db/customers';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/customers/{id}/unarchive', {
  POST: ({ actor, params }) => unarchiveCustomer(actor, params.id),
});
