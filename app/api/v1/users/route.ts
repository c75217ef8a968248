import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { createUser, listUsers } from '@/db/users';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/users', {
  GET: ({ actor, query }) => listUsers(actor, query),
  POST: ({ actor, body }) => createUser(actor, body),
});
