import { describe, expect, it } from 'vitest';
import { actorFromClaims } from '@/db/core/actor';
import { DomainError } from '@/db/core/errors';
import {
  createUser as createUserAccount,
  deactivateUser,
  endUserSessions,
  listUsers,
  reactivateUser,
  resetPassword,
  updateUser,
  verifyCredentials,
} from '@/db/users';
import { createUser, refusalKind, signedInAs, TEST_PASSWORD, uniqueEmail } from './support';

describe('sign-in', () => {
  it('accepts the right password, case-insensitively on the email', async () => {
    const worker = await createUser('worker');
    const claims = await signedInAs(worker.email.toUpperCase());
    expect(claims?.userId).toBe(worker.id);
    expect(await actorFromClaims(claims!)).toMatchObject({ id: worker.id, role: 'worker' });
  });

  it('answers the same (null) for a wrong password and for an unknown email', async () => {
    const worker = await createUser('worker');
    expect(await verifyCredentials(worker.email, 'wrong-password')).toBeNull();
    expect(await verifyCredentials(uniqueEmail('nobody'), TEST_PASSWORD)).toBeNull();
    expect(await verifyCredentials(worker.email, undefined)).toBeNull();
    expect(await verifyCredentials(worker.email, 'x'.repeat(10_000))).toBeNull();
  });

  it('refuses a deactivated user, and lets them in again once reactivated', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    await deactivateUser(admin, worker.id);
    expect(await signedInAs(worker.email)).toBeNull();
    await reactivateUser(admin, worker.id);
    expect(await signedInAs(worker.email)).not.toBeNull();
  });

  it('stores argon2id hashes and enforces 8 to 128 characters without truncating', async () => {
    const admin = await createUser('admin');
    const long = 'p'.repeat(128);
    const created = await createUserAccount(admin, {
      name: 'Long Pass',
      email: uniqueEmail(),
      role: 'worker',
      password: long,
    });
    expect(await verifyCredentials(created.email, long)).not.toBeNull();
    expect(await verifyCredentials(created.email, long.slice(0, 127))).toBeNull();
    expect(
      await refusalKind(() =>
        createUserAccount(admin, { name: 'Short', email: uniqueEmail(), role: 'worker', password: 'short' }),
      ),
    ).toBe('invalid');
    expect(
      await refusalKind(() =>
        createUserAccount(admin, { name: 'Huge', email: uniqueEmail(), role: 'worker', password: 'p'.repeat(129) }),
      ),
    ).toBe('invalid');
    expect(JSON.stringify(created)).not.toContain('password');
  });
});

/** An admin, and a worker signed in (their session's claims). */
async function signedInWorker() {
  const admin = await createUser('admin');
  const worker = await createUser('worker');
  return { admin, worker, session: (await signedInAs(worker.email))! };
}

describe('an existing session ends on its next request', () => {
  it('after deactivation', async () => {
    const { admin, worker, session } = await signedInWorker();
    expect(await actorFromClaims(session)).not.toBeNull();
    await deactivateUser(admin, worker.id);
    expect(await actorFromClaims(session)).toBeNull();
    await reactivateUser(admin, worker.id);
    expect(await actorFromClaims(session)).toBeNull(); // the old session stays ended
  });

  it('after a role change', async () => {
    const { admin, worker, session } = await signedInWorker();
    await updateUser(admin, worker.id, { role: 'admin' });
    expect(await actorFromClaims(session)).toBeNull();
    expect(await actorFromClaims((await signedInAs(worker.email))!)).toMatchObject({ role: 'admin' });
  });

  it('after a password change, and when an admin ends all sessions', async () => {
    const { admin, worker, session } = await signedInWorker();
    await resetPassword(admin, worker.id, { password: 'a-brand-new-password' });
    expect(await actorFromClaims(session)).toBeNull();
    expect(await signedInAs(worker.email)).toBeNull();
    const fresh = (await signedInAs(worker.email, 'a-brand-new-password'))!;
    await endUserSessions(admin, worker.id);
    expect(await actorFromClaims(fresh)).toBeNull();
  });

  it('but a name change keeps the session', async () => {
    const { admin, worker, session } = await signedInWorker();
    await updateUser(admin, worker.id, { name: 'Renamed Mechanic' });
    expect(await actorFromClaims(session)).toMatchObject({ name: 'Renamed Mechanic' });
  });
});

describe('roles are enforced in the data layer', () => {
  it('refuses a worker every admin action on users', async () => {
    const worker = await createUser('worker');
    const other = await createUser('worker');
    expect(await refusalKind(() => listUsers(worker))).toBe('forbidden');
    expect(
      await refusalKind(() =>
        createUserAccount(worker, { name: 'X', email: uniqueEmail(), role: 'admin', password: 'password123' }),
      ),
    ).toBe('forbidden');
    expect(await refusalKind(() => deactivateUser(worker, other.id))).toBe('forbidden');
    expect(await refusalKind(() => updateUser(worker, worker.id, { role: 'admin' }))).toBe('forbidden');
    expect(await refusalKind(() => listUsers(null))).toBe('unauthorized');
  });

  it('keeps an admin from deactivating or demoting themselves', async () => {
    const admin = await createUser('admin');
    expect(await refusalKind(() => deactivateUser(admin, admin.id))).toBe('conflict');
    expect(await refusalKind(() => updateUser(admin, admin.id, { role: 'worker' }))).toBe('conflict');
  });

  it('refuses a duplicate email with a field error', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    try {
      await createUserAccount(admin, {
        name: 'Copy',
        email: worker.email.toUpperCase(),
        role: 'worker',
        password: 'password123',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).fieldErrors.email).toBeDefined();
    }
  });
});
