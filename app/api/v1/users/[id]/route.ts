import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { getUser, updateUser } from '@/db/users';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/users/{id}', {
  GET: ({ actor, params }) => getUser(actor, params.id),
  PATCH: ({ actor, params, body }) => updateUser(actor, params.id, body),
});
