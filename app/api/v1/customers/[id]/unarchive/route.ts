import { defineApiRoute } from '@/db/api';
import { unarchiveCustomer } from '@/db/customers';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/customers/{id}/unarchive', {
  POST: ({ actor, params }) => unarchiveCustomer(actor, params.id),
});
