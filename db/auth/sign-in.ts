// Password sign-in for the UI and the token endpoint alike, with brute-force throttling held in PostgreSQL (so
// it holds across app instances). Two buckets, each counted atomically *before* the password is checked:
// - per account (lower-cased email, known or not): 5 attempts per 15 minutes;
// - per client address (any account): 30 attempts per 15 minutes.
// An attempt past either limit is refused without running argon2. A success (or a "server busy") takes back
// only its own count: it never erases failures others made in the same window, so a parallel burst cannot be
// laundered by one good sign-in, and signing in to an account of one's own does not reset the address bucket.
import { sql } from 'drizzle-orm';
import type { SessionClaims } from '../core/actor';
import { getDb, type Database } from '../client';
import { DomainError } from '../core/errors';
import { loginAddressAttempts, loginAttempts } from '../schema';
import { verifyCredentials } from '../users';

export const MAX_FAILED_SIGN_INS = 5;
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 30;
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

function addressKey(address: string | null | undefined): string | null {
  const key = address?.trim().toLowerCase();
  return key && key.length <= 64 ? key : null;
}

type Bucket = 'account' | 'address';
const tables = {
  account: { table: sql`login_attempts`, key: sql`email` },
  address: { table: sql`login_address_attempts`, key: sql`address` },
};
const window = sql`make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;

/** Counts one attempt (a new window when the old one has ended) and answers the count and the window's rest. */
async function countAttempt(db: Database, bucket: Bucket, key: string) {
  const { table, key: column } = tables[bucket];
  const result = (await db.execute(sql`
    insert into ${table} as b (${column}, failures, window_started_at) values (${key}, 1, now())
    on conflict (${column}) do update set
      failures = case when b.window_started_at < now() - ${window} then 1 else b.failures + 1 end,
      window_started_at = case when b.window_started_at < now() - ${window} then now() else b.window_started_at end,
      updated_at = now()
    returning failures,
      greatest(1, ceil(extract(epoch from (window_started_at + ${window} - now()))))::int as retry_after`)) as {
    rows: { failures: number; retry_after: number }[];
  };
  const row = result.rows[0]!;
  return { failures: Number(row.failures), retryAfter: Number(row.retry_after) };
}

async function takeBack(db: Database, bucket: Bucket, key: string): Promise<void> {
  const { table, key: column } = tables[bucket];
  await db.execute(
    sql`update ${table} set failures = greatest(failures - 1, 0), updated_at = now() where ${column} = ${key}`,
  );
}

// Rows whose window has ended are deleted (the only deletable table rows), at most once a minute per process.
let lastPrune = 0;

/** Deletes the throttle rows whose window has ended; answers how many went. */
export async function pruneLoginAttempts(): Promise<number> {
  const db = await getDb();
  const cutoff = sql`now() - ${window}`;
  const accounts = await db
    .delete(loginAttempts)
    .where(sql`${loginAttempts.windowStartedAt} < ${cutoff}`)
    .returning({ key: loginAttempts.email });
  const addresses = await db
    .delete(loginAddressAttempts)
    .where(sql`${loginAddressAttempts.windowStartedAt} < ${cutoff}`)
    .returning({ key: loginAddressAttempts.address });
  return accounts.length + addresses.length;
}

/**
 * Checks an email and password. `address` is the client's address (see app/_lib/client-address.ts), when
 * known. Throws `unavailable` (HTTP 503) when too many password checks are queued.
 */
export async function signInWithPassword(
  email: unknown,
  password: unknown,
  options: { address?: string | null } = {},
): Promise<SignInResult> {
  const key = accountKey(email);
  if (!key) return { ok: false, reason: 'invalid' };
  const db = await getDb();
  if (Date.now() - lastPrune > 60_000) {
    lastPrune = Date.now();
    await pruneLoginAttempts();
  }
  const address = addressKey(options.address);
  if (address) {
    const byAddress = await countAttempt(db, 'address', address);
    if (byAddress.failures > MAX_FAILED_SIGN_INS_PER_ADDRESS) {
      return { ok: false, reason: 'throttled', retryAfterSeconds: byAddress.retryAfter };
    }
  }
  const byAccount = await countAttempt(db, 'account', key);
  if (byAccount.failures > MAX_FAILED_SIGN_INS) {
    return { ok: false, reason: 'throttled', retryAfterSeconds: byAccount.retryAfter };
  }
  const takeBackBoth = async () => {
    await takeBack(db, 'account', key);
    if (address) await takeBack(db, 'address', address);
  };
  let claims: Awaited<ReturnType<typeof verifyCredentials>>;
  try {
    claims = await verifyCredentials(email, password);
  } catch (error) {
    // Not an attempt that got a verdict (the password queue was full): it does not count.
    if (error instanceof DomainError && error.kind === 'unavailable') await takeBackBoth();
    throw error;
  }
  if (!claims) return { ok: false, reason: 'invalid' };
  await takeBackBoth();
  return { ok: true, claims };
}
