import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { getCustomer, updateCustomer } from '@/db/customers';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/customers/{id}', {
  GET: ({ actor, params }) => getCustomer(actor, params.id),
  PATCH: ({ actor, params, body }) => updateCustomer(actor, params.id, body),
});
