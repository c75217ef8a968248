// API bearer tokens: short-lived HS256 JWTs carrying the user id (sub) and session version (sv). A token is
// only a claim: every request re-reads the user with actorFromClaims, so deactivation, a role change or a
// password change (which bump the session version) stop the token on its next request.
import 'server-only';
import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { z } from 'zod';
import { actorFromClaims, type Actor } from '../core/actor';
import { authSecret } from './secret';
import { DomainError, fieldErrorsFromZod, invalid } from '../core/errors';
import { GENERIC_SIGN_IN_ERROR, signInWithPassword, throttledMessage } from './sign-in';

/** Tokens live 15 minutes; integrations ask for a new one with the same credentials. */
export const TOKEN_TTL_SECONDS = 15 * 60;

const ISSUER = 'workshop-erp';
const AUDIENCE = 'workshop-erp-api';

export const tokenInput = z.object({
  email: z.string({ error: 'Email is required.' }).trim().min(1, 'Email is required.').max(254, 'Email is too long.'),
  password: z.string({ error: 'Password is required.' }).min(1, 'Password is required.'),
});

/** What a token request answers (the API's Token schema is checked against this type). */
export type TokenDto = { accessToken: string; tokenType: 'Bearer'; expiresIn: number; user: Actor };

let cachedKey: { secret: string; key: Uint8Array } | undefined;

/** A key of its own for API tokens, derived from the auth secret (so a session cookie key never signs a token). */
function signingKey(): Uint8Array {
  const secret = authSecret();
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: new Uint8Array(createHmac('sha256', secret).update('api-token').digest()) };
  }
  return cachedKey.key;
}

/**
 * Exchanges an email and password for a bearer token. Wrong credentials (or an inactive user) → unauthorized;
 * a full password queue → unavailable (503 with Retry-After). `address` feeds the per-address throttle.
 */
export async function issueToken(input: unknown, options: { address?: string | null } = {}): Promise<TokenDto> {
  const parsed = tokenInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsFromZod(parsed.error));
  const result = await signInWithPassword(parsed.data.email, parsed.data.password, options);
  if (!result.ok && result.reason === 'throttled') {
    throw new DomainError('unauthorized', throttledMessage(result.retryAfterSeconds));
  }
  if (!result.ok) throw new DomainError('unauthorized', GENERIC_SIGN_IN_ERROR);
  const verified = result.claims;
  const accessToken = await new SignJWT({ sv: verified.sessionVersion })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(verified.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_TTL_SECONDS}s`)
    .sign(signingKey());
  return {
    accessToken,
    tokenType: 'Bearer',
    expiresIn: TOKEN_TTL_SECONDS,
    user: { id: verified.userId, email: verified.email, name: verified.name, role: verified.role },
  };
}

/** The user behind a bearer token, or null when it is malformed, forged, expired or revoked. */
export async function actorFromToken(token: string): Promise<Actor | null> {
  if (token.length === 0 || token.length > 4096) return null;
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, signingKey(), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
    }));
  } catch {
    return null; // bad signature, expired, wrong audience, not a JWT at all
  }
  if (typeof payload.sub !== 'string' || typeof payload.sv !== 'number' || !Number.isInteger(payload.sv)) return null;
  return actorFromClaims({ userId: payload.sub, sessionVersion: payload.sv });
}
