import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { createCustomer, listCustomers } from '@/db/customers';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/customers', {
  GET: ({ actor, query }) => listCustomers(actor, query),
  POST: ({ actor, body }) => createCustomer(actor, body),
});
