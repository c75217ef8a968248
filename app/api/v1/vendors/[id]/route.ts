import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { getVendor, updateVendor } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/vendors/{id}', {
  GET: ({ actor, params }) => getVendor(actor, params.id),
  PATCH: ({ actor, params, body }) => updateVendor(actor, params.id, body),
});
