import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { installJobPart } from '@/db/parts';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/job-parts/{id}/install', {
  POST: ({ actor, params }) => installJobPart(actor, params.id),
});
