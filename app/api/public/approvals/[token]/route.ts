// The customer's approval link: no session, no bearer token; the token in the path is the capability.
import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { clientAddress } from '@/app/_lib/client-address';
import { answerPublicEstimate, getPublicEstimate } from '@/db/estimates';

export const dynamic = 'force-dynamic';

const clientOf = (request: Request) => ({
  address: clientAddress(request.headers),
  userAgent: request.headers.get('user-agent'),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/public/approvals/{token}', {
  GET: ({ params, request }) => getPublicEstimate(params.token, clientOf(request)),
  POST: ({ params, body, request }) => answerPublicEstimate(params.token, body, clientOf(request)),
});
