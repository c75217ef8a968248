import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { getPart, updatePart } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/parts/{id}', {
  GET: ({ actor, params }) => getPart(actor, params.id),
  PATCH: ({ actor, params, body }) => updatePart(actor, params.id, body),
});
