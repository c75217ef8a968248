import { defineApiRoute } from '@/db/api';
import { reactivateUser } from '@/db/users';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/users/{id}/reactivate', {
  POST: ({ actor, params }) => reactivateUser(actor, params.id),
});
