import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { actorFromClaims } from '@/db/core/actor';
import { DomainError } from '@/db/core/errors';
import { passwordWorkStats } from '@/db/auth/password-queue';
import { signInWithPassword } from '@/db/auth/sign-in';
import { env } from '@/db/platform/env';
import { loginAttempts, users } from '@/db/schema';
import { callRoute } from './api-support';
import { createUser, uniqueEmail } from './support';

it('a flood of sign-ins runs at most two password checks at once and tells the rest the server is busy', async () => {
  expect(env().PASSWORD_HASH_CONCURRENCY).toBe(2);
  const worker = await createUser('worker');
  const emails = Array.from({ length: 60 }, () => uniqueEmail('flood'));
  const flood = emails.map((email) =>
    signInWithPassword(email, 'whatever-password').then(
      (result) => result,
      (error: unknown) => error,
    ),
  );
  // The shop keeps answering while the queue is full: the session re-check never waits for argon2.
  const [user] = await (await getDb()).select().from(users).where(eq(users.id, worker.id));
  expect(await actorFromClaims({ userId: worker.id, sessionVersion: user!.sessionVersion })).toMatchObject({
    id: worker.id,
  });
  const results = await Promise.all(flood);
  const busy = results.filter((result) => result instanceof DomainError);
  expect(busy.length).toBeGreaterThan(0);
  for (const refusal of busy) {
    expect(refusal).toMatchObject({ kind: 'unavailable', retryAfterSeconds: expect.any(Number) });
  }
  expect(results.filter((result) => !(result instanceof DomainError))).not.toHaveLength(0);
  expect(passwordWorkStats().mostAtOnce).toBeLessThanOrEqual(2);
  // A refusal for a busy server is not a failed attempt: it does not count against the account.
  const refusedEmail = emails[results.findIndex((result) => result instanceof DomainError)]!;
  const [counter] = await (
    await getDb()
  )
    .select()
    .from(loginAttempts)
    .where(eq(loginAttempts.email, refusedEmail.toLowerCase()));
  expect(counter?.failures ?? 0).toBe(0);
});

it('the token endpoint answers 503 with Retry-After while the password queue is full', async () => {
  const route = await import('@/app/api/v1/auth/token/route');
  const answers = await Promise.all(
    Array.from({ length: 60 }, () =>
      callRoute(route, 'POST', '/api/v1/auth/token', {
        json: { email: uniqueEmail('integration'), password: 'whatever-password' },
      }),
    ),
  );
  const busy = answers.filter((answer) => answer.status === 503);
  expect(busy.length).toBeGreaterThan(0);
  for (const answer of busy) {
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  }
  expect(answers.filter((answer) => answer.status === 401).length).toBeGreaterThan(0);
  expect(answers.every((answer) => answer.status === 503 || answer.status === 401)).toBe(true);
});
