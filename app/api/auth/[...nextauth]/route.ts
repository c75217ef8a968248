import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/app/_lib/auth';
import { BUSY_SIGN_IN_ERROR } from '@/components/auth/sign-in-errors';
import { BUSY_RETRY_AFTER_SECONDS, passwordQueueFull } from '@/db/auth/password-queue';
import { withBodyLimit } from '../_lib/body-limit';

const handler = withBodyLimit(NextAuth(authOptions));

type Context = { params: Promise<{ nextauth: string[] }> };

function busy(): Response {
  const url = new URL(`/login?error=${BUSY_SIGN_IN_ERROR}`, process.env.NEXTAUTH_URL ?? 'http://localhost').toString();
  return Response.json(
    { url },
    { status: 503, headers: { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } },
  );
}

/**
 * A sign-in while the password queue is full answers 503 with Retry-After (next-auth itself would say 200 or
 * 401 with the error in a URL). The sign-in form reads the status and shows "the server is busy".
 */
async function POST(request: NextRequest, context: Context): Promise<Response> {
  const signingIn = new URL(request.url).pathname.endsWith('/callback/credentials');
  if (signingIn && passwordQueueFull()) return busy();
  const response: Response = await handler(request, context);
  if (!signingIn) return response;
  const location = response.headers.get('location') ?? '';
  let url = location;
  if (!url && response.headers.get('content-type')?.includes('json')) {
    url = String(((await response.clone().json()) as { url?: unknown }).url ?? '');
  }
  return url.includes(`error=${BUSY_SIGN_IN_ERROR}`) ? busy() : response;
}

export { handler as GET, POST };
