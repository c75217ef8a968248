import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { createVendor, listVendors } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/vendors', {
  GET: ({ actor, query }) => listVendors(actor, query),
  POST: ({ actor, body }) => createVendor(actor, body),
});
