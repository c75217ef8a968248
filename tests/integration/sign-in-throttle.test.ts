import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loginAttempts } from '@/db/schema';
import { loginAddressAttempts } from '@/db/schema';
import {
  MAX_FAILED_SIGN_INS,
  MAX_FAILED_SIGN_INS_PER_ADDRESS,
  pruneLoginAttempts,
  signInWithPassword,
} from '@/db/auth/sign-in';
import { passwordWorkStats } from '@/db/auth/password-queue';
import { createUser, TEST_PASSWORD, uniqueEmail } from './support';

it('refuses further attempts after 5 failures within 15 minutes, even with the right password', async () => {
  const worker = await createUser('worker');
  for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) {
    expect(await signInWithPassword(worker.email, 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
  }
  const refused = await signInWithPassword(worker.email.toUpperCase(), TEST_PASSWORD);
  expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
  expect(refused.ok === false && refused.reason === 'throttled' && refused.retryAfterSeconds).toBeGreaterThan(0);
});

it('throttles unknown emails exactly like known ones', async () => {
  const email = uniqueEmail('nobody');
  for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) {
    expect(await signInWithPassword(email, 'whatever-password')).toEqual({ ok: false, reason: 'invalid' });
  }
  expect(await signInWithPassword(email, 'whatever-password')).toMatchObject({ reason: 'throttled' });
});

it('lets the account in again once the window has passed, and a success does not count as a failure', async () => {
  const db = await getDb();
  const worker = await createUser('worker');
  for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++)
    await signInWithPassword(worker.email, 'wrong-password');
  await db
    .update(loginAttempts)
    .set({ windowStartedAt: sql`now() - interval '16 minutes'` })
    .where(eq(loginAttempts.email, worker.email.toLowerCase()));
  expect(await signInWithPassword(worker.email, TEST_PASSWORD)).toMatchObject({ ok: true });
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.email, worker.email.toLowerCase()));
  expect(row!.failures).toBe(0);
  for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS - 1; attempt++)
    await signInWithPassword(worker.email, 'wrong-password');
  expect(await signInWithPassword(worker.email, TEST_PASSWORD)).toMatchObject({ ok: true });
});

it('a burst of 40 parallel wrong passwords locks the account: the right password is refused until the window ends', async () => {
  const db = await getDb();
  const worker = await createUser('worker');
  const before = passwordWorkStats().started;
  const burst = await Promise.all(Array.from({ length: 40 }, () => signInWithPassword(worker.email, 'wrong-password')));
  expect(burst.filter((result) => result.ok === false && result.reason === 'invalid')).toHaveLength(
    MAX_FAILED_SIGN_INS,
  );
  // Only the attempts inside the limit ran argon2; the other 35 were refused before it.
  expect(passwordWorkStats().started - before).toBe(MAX_FAILED_SIGN_INS);
  expect(await signInWithPassword(worker.email, TEST_PASSWORD)).toMatchObject({ ok: false, reason: 'throttled' });
  expect(await signInWithPassword(worker.email, TEST_PASSWORD)).toMatchObject({ ok: false, reason: 'throttled' });
  await db
    .update(loginAttempts)
    .set({ windowStartedAt: sql`now() - interval '16 minutes'` })
    .where(eq(loginAttempts.email, worker.email.toLowerCase()));
  expect(await signInWithPassword(worker.email, TEST_PASSWORD)).toMatchObject({ ok: true });
});

it("the owner's good sign-in in the middle of a burst does not give the attacker more guesses", async () => {
  const worker = await createUser('worker');
  const results = await Promise.all([
    ...Array.from({ length: 3 }, () => signInWithPassword(worker.email, 'wrong-password')),
    signInWithPassword(worker.email, TEST_PASSWORD),
    ...Array.from({ length: 20 }, () => signInWithPassword(worker.email, 'wrong-password')),
  ]);
  const verdicts = results.filter((result) => result.ok || result.reason === 'invalid');
  expect(verdicts.length).toBeLessThanOrEqual(MAX_FAILED_SIGN_INS + 1);
});

it('one client address is refused after 30 failed sign-ins, whatever accounts it tries', async () => {
  const address = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
  const worker = await createUser('worker');
  for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS_PER_ADDRESS; attempt++) {
    expect(await signInWithPassword(uniqueEmail('guess'), 'whatever-password', { address })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  }
  // Even a real account with its right password, from that address...
  expect(await signInWithPassword(worker.email, TEST_PASSWORD, { address })).toMatchObject({ reason: 'throttled' });
  // ...while the same account signs in from another address.
  expect(await signInWithPassword(worker.email, TEST_PASSWORD, { address: `${address}-other` })).toMatchObject({
    ok: true,
  });
});

it('signing in to an account of your own does not reset the address bucket', async () => {
  const address = `198.51.100.7-${randomUUID().slice(0, 8)}`;
  const mine = await createUser('worker');
  for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS_PER_ADDRESS - 1; attempt++) {
    await signInWithPassword(uniqueEmail('guess'), 'whatever-password', { address });
  }
  expect(await signInWithPassword(mine.email, TEST_PASSWORD, { address })).toMatchObject({ ok: true });
  expect(await signInWithPassword(uniqueEmail('guess'), 'whatever-password', { address })).toMatchObject({
    reason: 'invalid',
  });
  expect(await signInWithPassword(uniqueEmail('guess'), 'whatever-password', { address })).toMatchObject({
    reason: 'throttled',
  });
});

it('counters whose window has ended are pruned; a live counter cannot be deleted to lift a lockout', async () => {
  const db = await getDb();
  const stale = uniqueEmail('stale');
  const live = uniqueEmail('live');
  await db.insert(loginAttempts).values([
    { email: stale, failures: 3, windowStartedAt: sql`now() - interval '20 minutes'` },
    { email: live, failures: 9 },
  ]);
  await db
    .insert(loginAddressAttempts)
    .values({ address: `stale-${randomUUID()}`, failures: 2, windowStartedAt: sql`now() - interval '20 minutes'` });
  expect(await pruneLoginAttempts()).toBeGreaterThanOrEqual(2);
  expect(await db.select().from(loginAttempts).where(eq(loginAttempts.email, stale))).toEqual([]);
  await expect(db.delete(loginAttempts).where(eq(loginAttempts.email, live))).rejects.toThrow();
  expect(await db.select().from(loginAttempts).where(eq(loginAttempts.email, live))).toHaveLength(1);
});
