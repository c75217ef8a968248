import { defineApiRoute } from '@/db/api';
import { openApiDocument } from '@/db/api-routes';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/openapi.json', {
  GET: () => Response.json(openApiDocument(), { headers: { 'Cache-Control': 'no-cache' } }),
});
