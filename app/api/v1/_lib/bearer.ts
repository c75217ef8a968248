// The bearer token of a request → the actor, re-read from the database (db/auth/tokens.ts); 401 with a
// WWW-Authenticate challenge when it is missing, malformed, expired or revoked.
import 'server-only';
import type { Actor } from '@/db/core/actor';
import { actorFromToken } from '@/db/auth/tokens';
import { ApiProblem, BEARER_CHALLENGE } from './problem';

export async function authenticate(request: Request): Promise<Actor> {
  const header = request.headers.get('authorization');
  if (!header) {
    throw new ApiProblem(401, 'A bearer token is required: Authorization: Bearer <token> (POST /api/v1/auth/token).', {
      'WWW-Authenticate': BEARER_CHALLENGE,
    });
  }
  const match = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i.exec(header);
  const actor = match ? await actorFromToken(match[1]!) : null;
  if (!actor) {
    throw new ApiProblem(401, 'The bearer token is invalid, expired or revoked. Ask for a new one.', {
      'WWW-Authenticate': `${BEARER_CHALLENGE}, error="invalid_token"`,
    });
  }
  return actor;
}
