import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { recordAuthorization } from '@/db/estimates';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/estimates/{id}/authorizations', {
  POST: ({ actor, params, body }) => recordAuthorization(actor, params.id, body),
});
