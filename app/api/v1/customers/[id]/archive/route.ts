import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { archiveCustomer } from '@/db/customers';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/customers/{id}/archive', {
  POST: ({ actor, params }) => archiveCustomer(actor, params.id),
});
