import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { issueToken } from '@/db/auth/tokens';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/auth/token', {
  POST: ({ body }) => issueToken(body),
});
