import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { openApiDocument } from '@/app/api/v1/_lib/specs';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/openapi.json', {
  GET: () => Response.json(openApiDocument(), { headers: { 'Cache-Control': 'no-cache' } }),
});
