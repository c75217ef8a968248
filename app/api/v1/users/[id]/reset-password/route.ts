import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { resetPassword } from '@/db/users';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/users/{id}/reset-password', {
  POST: ({ actor, params, body }) => resetPassword(actor, params.id, body),
});
