// User administration: the rules an admin meets on the Users screens (edit, reset, deactivate, reactivate,
// end sessions, the last-admin guard) and the paginated list.
import { and, eq, inArray, notInArray } from 'drizzle-orm';

import { describe, expect, it } from 'vitest';

import { actorFromClaims, type Actor } from '@/db/core/actor';

import { getDb } from '@/db/client';

import { DomainError } from '@/db/core/errors';

import { users } from '@/db/schema';

import {
  createUser as createUserAccount,
  deactivateUser,
  editUser,
  endUserSessions,
  getUser,
  listUsers,
  reactivateUser,
  resetPassword,
  updateUser,
} from '@/db/users';
import { createUser, refusal, signedInAs, switchToPrivateDatabase, uniqueEmail } from './support';

// The rules here are about every admin and every job in the shop: a database of this file's own.
switchToPrivateDatabase();

/**
 * Runs `work` while the given admins are the only active admins of the database: every other active admin is
 * parked (deactivated straight in SQL) and put back afterwards, so the last-admin rule can be exercised even
 * in a database other tests have filled with admins.
 */
async function withOnlyTheseAdmins(admins: Actor[], work: () => Promise<void>) {
  const db = await getDb();
  const keep = admins.map((admin) => admin.id);
  const parked = await db
    .update(users)
    .set({ active: false, deactivatedAt: new Date() })
    .where(and(eq(users.role, 'admin'), eq(users.active, true), notInArray(users.id, keep)))
    .returning({ id: users.id });
  try {
    await work();
  } finally {
    if (parked.length > 0) {
      await db
        .update(users)
        .set({ active: true, deactivatedAt: null })
        .where(
          inArray(
            users.id,
            parked.map((row) => row.id),
          ),
        );
    }
  }
}

describe('the last active admin', () => {
  it('with two admins one can be demoted, then the last one can be neither demoted nor deactivated', async () => {
    const first = await createUser('admin', 'First Admin');
    const second = await createUser('admin', 'Second Admin');
    await withOnlyTheseAdmins([first, second], async () => {
      expect((await updateUser(first, second.id, { role: 'worker' })).role).toBe('worker');

      expect((await getUser(first, second.id)).role).toBe('worker');

      // `first` is now the last active admin. `second` acting on a request that was let in while they were still
      // an admin (two admins removing each other at once) is refused by the data layer.
      const outsider: Actor = { ...second, role: 'admin' };
      const demote = await refusal(() => updateUser(outsider, first.id, { role: 'worker' }));
      expect(demote).toBeInstanceOf(DomainError);
      expect((demote as DomainError).kind).toBe('conflict');
      expect((demote as DomainError).message).toBe(
        'The last active admin cannot be removed. Make someone else an admin first.',
      );
      expect((demote as DomainError).fieldErrors.role).toBeDefined();

      const deactivate = await refusal(() => deactivateUser(outsider, first.id));
      expect((deactivate as DomainError).kind).toBe('conflict');
      expect((deactivate as DomainError).message).toMatch(/last active admin/);

      expect(await getUser(first, first.id)).toMatchObject({ role: 'admin', active: true });
    });
  });

  it('with two admins one can be deactivated, and a deactivated admin no longer counts', async () => {
    const first = await createUser('admin');
    const second = await createUser('admin');
    await withOnlyTheseAdmins([first, second], async () => {
      expect((await deactivateUser(first, second.id)).active).toBe(false);
      const stillAdmin: Actor = second; // their stale actor object, as a race would present it
      expect(((await refusal(() => deactivateUser(stillAdmin, first.id))) as DomainError).kind).toBe('conflict');
      // Reactivating the second admin makes the first removable again.
      await reactivateUser(first, second.id);
      expect((await deactivateUser(second, first.id)).active).toBe(false);
      await reactivateUser(second, first.id);
    });
  });

  it('an admin cannot deactivate or demote themselves, through the edit form either', async () => {
    const admin = await createUser('admin');
    expect(((await refusal(() => deactivateUser(admin, admin.id))) as DomainError).message).toBe(
      'You cannot deactivate yourself.',
    );
    const ownRole = await refusal(() =>
      editUser(admin, admin.id, { name: admin.name, email: admin.email, role: 'worker' }),
    );
    expect((ownRole as DomainError).fieldErrors.role).toEqual(['You cannot change your own role.']);
    // Saving their own name and email without a role is fine.
    expect(await editUser(admin, admin.id, { name: 'Renamed Admin', email: admin.email })).toMatchObject({
      name: 'Renamed Admin',
      role: 'admin',
    });
  });
});

describe('editing a user', () => {
  it('requires a name and a valid email, with errors on the fields', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    const error = (await refusal(() =>
      editUser(admin, worker.id, { email: 'not-an-email', role: 'worker' }),
    )) as DomainError;
    expect(error.kind).toBe('invalid');
    expect(error.fieldErrors.name).toEqual(['Name is required.']);
    expect(error.fieldErrors.email).toEqual(['Enter a valid email address.']);
    expect(await getUser(admin, worker.id)).toMatchObject({ name: worker.name, email: worker.email });
  });

  it('changes name, email and role, and refuses an email another user has', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    const other = await createUser('worker');
    const email = uniqueEmail('renamed');
    expect(await editUser(admin, worker.id, { name: 'Sam Fixer', email, role: 'admin' })).toMatchObject({
      name: 'Sam Fixer',
      email,
      role: 'admin',
    });
    const taken = (await refusal(() =>
      editUser(admin, worker.id, { name: 'Sam Fixer', email: other.email.toUpperCase() }),
    )) as DomainError;
    expect(taken.kind).toBe('conflict');
    expect(taken.fieldErrors.email).toEqual(['That email is already in use.']);
  });

  it('is refused to a worker, and an unknown user is not found', async () => {
    const worker = await createUser('worker');
    const admin = await createUser('admin');
    expect(
      ((await refusal(() => editUser(worker, worker.id, { name: 'Me', email: worker.email }))) as DomainError).kind,
    ).toBe('forbidden');
    expect(
      ((await refusal(() => editUser(admin, 'not-a-uuid', { name: 'X', email: uniqueEmail() }))) as DomainError).kind,
    ).toBe('not_found');
    expect(((await refusal(() => endUserSessions(admin, 'not-a-uuid'))) as DomainError).kind).toBe('not_found');
    expect(
      ((await refusal(() => endUserSessions(admin, '00000000-0000-4000-8000-000000000000'))) as DomainError).kind,
    ).toBe('not_found');
  });
});

describe('deactivation and reactivation', () => {
  it('a deactivated mechanic cannot sign in and their open session ends; reactivated, they sign in with the same password', async () => {
    const admin = await createUser('admin');
    const mechanic = await createUserAccount(admin, {
      name: 'Robin Wrench',
      email: uniqueEmail('robin'),
      role: 'worker',
      password: 'robin-initial-pass',
    });
    const session = (await signedInAs(mechanic.email, 'robin-initial-pass'))!;
    expect(await actorFromClaims(session)).toMatchObject({ id: mechanic.id });

    const deactivated = await deactivateUser(admin, mechanic.id);
    expect(deactivated).toMatchObject({ active: false });
    expect(deactivated.deactivatedAt).toBeInstanceOf(Date);
    expect(await actorFromClaims(session)).toBeNull();
    expect(await signedInAs(mechanic.email, 'robin-initial-pass')).toBeNull();

    const reactivated = await reactivateUser(admin, mechanic.id);
    expect(reactivated).toMatchObject({ active: true, deactivatedAt: null });
    expect(await actorFromClaims(session)).toBeNull();
    expect(await signedInAs(mechanic.email, 'robin-initial-pass')).not.toBeNull();
  });

  it('a password reset needs a valid new password and ends the open sessions', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    const session = (await signedInAs(worker.email))!;
    const short = (await refusal(() => resetPassword(admin, worker.id, { password: 'short' }))) as DomainError;
    expect(short.fieldErrors.password).toEqual(['Password must be at least 8 characters.']);
    expect(await actorFromClaims(session)).not.toBeNull();
    await resetPassword(admin, worker.id, { password: 'fresh-password-9' });
    expect(await actorFromClaims(session)).toBeNull();
    expect(await signedInAs(worker.email, 'fresh-password-9')).not.toBeNull();
  });
});

describe('the users list', () => {
  it('pages through every user with the cursor, in name order, without repeats', async () => {
    const admin = await createUser('admin');
    const tag = `Pager ${crypto.randomUUID().slice(0, 8)}`;
    const created: string[] = [];
    for (const letter of ['e', 'a', 'd', 'b', 'c']) {
      const user = await createUserAccount(admin, {
        name: `${tag} ${letter}`,
        email: uniqueEmail('pager'),
        role: 'worker',
        password: 'password123',
      });
      created.push(user.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listUsers(admin, { q: tag, limit: 2, cursor });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((user) => user.name));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e'].map((letter) => `${tag} ${letter}`));
  });

  it('shows deactivated users with their status unless asked for active ones only', async () => {
    const admin = await createUser('admin');
    const tag = `Status ${crypto.randomUUID().slice(0, 8)}`;
    const gone = await createUserAccount(admin, {
      name: `${tag} gone`,
      email: uniqueEmail(),
      role: 'worker',
      password: 'password123',
    });
    await createUserAccount(admin, {
      name: `${tag} here`,
      email: uniqueEmail(),
      role: 'worker',
      password: 'password123',
    });
    await deactivateUser(admin, gone.id);
    const all = await listUsers(admin, { q: tag });
    expect(all.data.map((user) => [user.name, user.active])).toEqual([
      [`${tag} gone`, false],
      [`${tag} here`, true],
    ]);
    const activeOnly = await listUsers(admin, { q: tag, includeInactive: false });
    expect(activeOnly.data.map((user) => user.name)).toEqual([`${tag} here`]);
    // Search by email too.
    expect((await listUsers(admin, { q: gone.email })).data.map((user) => user.id)).toEqual([gone.id]);
  });

  it('refuses a tampered cursor as invalid, not as a crash', async () => {
    const admin = await createUser('admin');
    expect(((await refusal(() => listUsers(admin, { cursor: 'garbage' }))) as DomainError).kind).toBe('invalid');
  });
});
