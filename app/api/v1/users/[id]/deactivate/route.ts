import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { deactivateUser } from '@/db/users';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/users/{id}/deactivate', {
  POST: ({ actor, params }) => deactivateUser(actor, params.id),
});
