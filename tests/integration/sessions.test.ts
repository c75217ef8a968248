import { expect, it } from 'vitest';
import { changeOwnPassword } from '@/db/auth/account';
import { actorFromSession, endSession, openSession } from '@/db/auth/sessions';
import { signInWithPassword } from '@/db/auth/sign-in';
import { DomainError } from '@/db/core/errors';
import { deactivateUser } from '@/db/users';
import { createUser, TEST_PASSWORD } from './support';

async function signIn(email: string, password = TEST_PASSWORD) {
  const result = await signInWithPassword(email, password);
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return { userId: result.claims.userId, sessionId: await openSession(result.claims) };
}

it('after signing out, a copy of the session cookie no longer works', async () => {
  const worker = await createUser('worker');
  const session = await signIn(worker.email);
  const copied = { ...session };
  expect(await actorFromSession(copied)).toMatchObject({ id: worker.id });
  await endSession(session.sessionId);
  expect(await actorFromSession(copied)).toBeNull();
});

it("signing out on the tablet leaves the mechanic's phone signed in", async () => {
  const worker = await createUser('worker');
  const tablet = await signIn(worker.email);
  const phone = await signIn(worker.email);
  await endSession(tablet.sessionId);
  expect(await actorFromSession(tablet)).toBeNull();
  expect(await actorFromSession(phone)).toMatchObject({ id: worker.id });
});

it('a session id is only good with its own user', async () => {
  const worker = await createUser('worker');
  const other = await createUser('worker');
  const session = await signIn(worker.email);
  expect(await actorFromSession({ userId: other.id, sessionId: session.sessionId })).toBeNull();
});

it('changing your own password needs the current one, ends your other sessions and keeps this one', async () => {
  const worker = await createUser('worker');
  const here = await signIn(worker.email);
  const elsewhere = await signIn(worker.email);
  const refusal = await changeOwnPassword(worker, here.sessionId, {
    currentPassword: 'not-my-password',
    newPassword: 'a-new-password-1',
    confirmPassword: 'a-new-password-1',
  }).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(DomainError);
  expect(refusal).toMatchObject({ kind: 'invalid', fieldErrors: { currentPassword: expect.any(Array) } });
  expect(await actorFromSession(elsewhere)).not.toBeNull();

  const mismatch = await changeOwnPassword(worker, here.sessionId, {
    currentPassword: TEST_PASSWORD,
    newPassword: 'a-new-password-1',
    confirmPassword: 'a-new-password-2',
  }).catch((error: unknown) => error);
  expect(mismatch).toMatchObject({ kind: 'invalid', fieldErrors: { confirmPassword: expect.any(Array) } });

  await changeOwnPassword(worker, here.sessionId, {
    currentPassword: TEST_PASSWORD,
    newPassword: 'a-new-password-1',
    confirmPassword: 'a-new-password-1',
  });
  expect(await actorFromSession(here)).toMatchObject({ id: worker.id });
  expect(await actorFromSession(elsewhere)).toBeNull();
  expect(await signInWithPassword(worker.email, TEST_PASSWORD)).toMatchObject({ ok: false });
  expect(await signInWithPassword(worker.email, 'a-new-password-1')).toMatchObject({ ok: true });
});

it('deactivating a user ends every session they have', async () => {
  const admin = await createUser('admin');
  const worker = await createUser('worker');
  const session = await signIn(worker.email);
  await deactivateUser(admin, worker.id);
  expect(await actorFromSession(session)).toBeNull();
});
