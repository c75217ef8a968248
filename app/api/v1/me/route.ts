import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { requireSignedIn } from '@/db/core/policy';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/me', {
  GET: ({ actor }) => requireSignedIn(actor),
});
