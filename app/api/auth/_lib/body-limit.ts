// next-auth reads whatever body it is given (JSON or a form) into memory. Its endpoints take a few short fields,
// so they get a small limit of their own: a declared Content-Length over AUTH_BODY_BYTES is 413 before a byte is
// read, an undeclared one as soon as the count passes it; next-auth then reads the counted copy.
import { NextRequest } from 'next/server';
import { readLimitedBody } from '@/app/api/v1/_lib/body';
import { ApiProblem, problemResponse } from '@/app/api/v1/_lib/problem';

/** Sign-in, sign-out, CSRF and session bodies over this many bytes answer 413. */
export const AUTH_BODY_BYTES = 16 * 1024;

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

export function withBodyLimit<C>(handler: Handler<C>, limit = AUTH_BODY_BYTES): Handler<C> {
  return async (request, context) => {
    let counted: NextRequest = request;
    try {
      const bytes = await readLimitedBody(request, limit);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        counted = new NextRequest(request.url, { method: request.method, headers: request.headers, body: bytes });
      }
    } catch (error) {
      if (error instanceof ApiProblem) return problemResponse(error.status, error.message);
      throw error;
    }
    return handler(counted, context);
  };
}
