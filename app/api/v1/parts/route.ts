import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { createPart, listParts } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/parts', {
  GET: ({ actor, query }) => listParts(actor, query),
  POST: ({ actor, body }) => createPart(actor, body),
});
