import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { clientAddress } from '@/app/_lib/client-address';
import { issueToken } from '@/db/auth/tokens';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/auth/token', {
  POST: ({ body, request }) => issueToken(body, { address: clientAddress(request.headers) }),
});
