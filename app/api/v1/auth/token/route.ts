import { defineApiRoute } from '@/db/api';
import { issueToken } from '@/db/auth/tokens';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/auth/token', {
  POST: ({ body }) => issueToken(body),
});
