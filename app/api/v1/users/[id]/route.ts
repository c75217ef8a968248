import { defineApiRoute } from '@/db/api';
import { getUser, updateUser } from '@/db/users';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/users/{id}', {
  GET: ({ actor, params }) => getUser(actor, params.id),
  PATCH: ({ actor, params, body }) => updateUser(actor, params.id, body),
});
