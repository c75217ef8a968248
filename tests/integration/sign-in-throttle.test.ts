import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loginAttempts } from '@/db/schema';
import { MAX_FAILED_SIGN_INS, signInWithPassword } from '@/db/auth/sign-in';
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

it('lets the account in again once the window has passed, and a success resets the counter', async () => {
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
