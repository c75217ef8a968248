// Password sign-in for the UI and the token endpoint alike, with brute-force throttling: after 5 failed
// attempts for one account (known or not) within 15 minutes, further attempts are refused until the window
// ends. The counter lives in PostgreSQL, so it holds across app instances; a success resets it.
import { and, eq, sql } from 'drizzle-orm';
import type { SessionClaims } from '../core/actor';
import { getDb } from '../client';
import { verifyPassword } from './passwords';
import { loginAttempts } from '../schema';
import { verifyCredentials } from '../users';

export const MAX_FAILED_SIGN_INS = 5;
export const THROTTLE_WINDOW_MINUTES = 15;

export type SignInResult =
  | { ok: true; claims: SessionClaims & { email: string; name: string; role: 'admin' | 'worker' } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export const GENERIC_SIGN_IN_ERROR = 'Wrong email or password.';

export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

function accountKey(email: unknown): string | null {
  if (typeof email !== 'string') return null;
  const key = email.trim().toLowerCase();
  return key.length > 0 && key.length <= 254 ? key : null;
}

export async function signInWithPassword(email: unknown, password: unknown): Promise<SignInResult> {
  const key = accountKey(email);
  if (!key) return { ok: false, reason: 'invalid' };
  const db = await getDb();
  const [attempts] = await db
    .select({
      failures: loginAttempts.failures,
      retryAfter: sql<number>`ceil(extract(epoch from (${loginAttempts.windowStartedAt} + make_interval(mins => ${THROTTLE_WINDOW_MINUTES}) - now())))::int`,
    })
    .from(loginAttempts)
    .where(eq(loginAttempts.email, key));
  if (attempts && attempts.failures >= MAX_FAILED_SIGN_INS && attempts.retryAfter > 0) {
    // Same work as a real attempt, so a refusal is not faster than a wrong password.
    await verifyPassword(null, typeof password === 'string' ? password.slice(0, 128) : '');
    return { ok: false, reason: 'throttled', retryAfterSeconds: attempts.retryAfter };
  }
  const claims = await verifyCredentials(email, password);
  if (claims) {
    await db
      .update(loginAttempts)
      .set({ failures: 0, updatedAt: new Date() })
      .where(and(eq(loginAttempts.email, key), sql`${loginAttempts.failures} > 0`));
    return { ok: true, claims };
  }
  await db
    .insert(loginAttempts)
    .values({ email: key, failures: 1 })
    .onConflictDoUpdate({
      target: loginAttempts.email,
      set: {
        failures: sql`case when ${loginAttempts.windowStartedAt} < now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES}) then 1 else ${loginAttempts.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginAttempts.windowStartedAt} < now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES}) then now() else ${loginAttempts.windowStartedAt} end`,
        updatedAt: sql`now()`,
      },
    });
  return { ok: false, reason: 'invalid' };
}
