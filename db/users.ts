import 'server-only';
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor, SessionClaims } from './core/actor';
import { getDb, type Executor } from './client';
import { conflict, DomainError, isUniqueViolation, notFound, type FieldErrors } from './core/errors';
import { hashPassword, newPasswordField, PASSWORD_MAX_LENGTH, verifyPassword } from './auth/passwords';
import { requireAdmin } from './core/policy';
import { userRole, users, type User } from './schema';
import { escapeLike } from './core/search';
import { keysetPage, nameKeyset, type Page } from './core/cursor';
import { isUuid } from './core/ids';
import { parse } from './core/input';
import { stopRunningClockOf } from './time/sql';

export type UserDto = {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  active: boolean;
  deactivatedAt: Date | null;
  createdAt: Date;
};

const dtoColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
};

export const passwordSchema = newPasswordField('Password is required.');

const emailSchema = z
  .string({ error: 'Email is required.' })
  .trim()
  .max(254, 'Email is too long.')
  .pipe(z.email('Enter a valid email address.'));

const nameSchema = z
  .string({ error: 'Name is required.' })
  .trim()
  .min(1, 'Name is required.')
  .max(120, 'Name must be at most 120 characters.');

export const createUserInput = z.object({
  name: nameSchema,
  email: emailSchema,
  role: z.enum(userRole.enumValues, { error: 'Role must be admin or worker.' }),
  password: passwordSchema,
});

export const updateUserInput = z
  .object({ name: nameSchema, email: emailSchema, role: z.enum(userRole.enumValues) })
  .partial();

/** The edit form: name and email always sent (an emptied field is an error, not "unchanged"); role unless it is your own. */
export const editUserInput = z.object({
  name: nameSchema,
  email: emailSchema,
  role: z.enum(userRole.enumValues, { error: 'Role must be admin or worker.' }).optional(),
});

export const resetPasswordInput = z.object({ password: passwordSchema });

export const listUsersInput = z.object({
  q: z.string().trim().max(100).optional(),
  includeInactive: z.boolean().default(true),
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

const emailTaken = () =>
  conflict('That email already belongs to another user.', { email: ['That email is already in use.'] });

// ------------------------------------------------------------------------------------------- sign-in

/**
 * The claims for a session if the email and password match an active user. Unknown emails cost the same
 * time as wrong passwords (a dummy hash is compared), and both answer null: one generic message for the UI.
 */
export async function verifyCredentials(
  email: unknown,
  password: unknown,
): Promise<(SessionClaims & { email: string; name: string; role: User['role'] }) | null> {
  if (typeof email !== 'string' || typeof password !== 'string') return null;
  if (password.length > PASSWORD_MAX_LENGTH || email.length > 254) return null;
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!ok || !user || !user.active) return null;
  return {
    userId: user.id,
    sessionVersion: user.sessionVersion,
    email: user.email,
    name: user.name,
    role: user.role,
  };
}

// ------------------------------------------------------------------------------------ admin: read

export async function listUsers(
  actor: Actor | null,
  input: z.input<typeof listUsersInput> = {},
): Promise<Page<UserDto>> {
  requireAdmin(actor);
  const { q, includeInactive, limit, cursor } = parse(listUsersInput, input);
  const byName = nameKeyset(users.name, users.id, cursor);
  const db = await getDb();
  const rows = await db
    .select(dtoColumns)
    .from(users)
    .where(
      and(
        includeInactive ? undefined : eq(users.active, true),
        q ? or(ilike(users.name, `%${escapeLike(q)}%`), ilike(users.email, `%${escapeLike(q)}%`)) : undefined,
        byName.after,
      ),
    )
    .orderBy(...byName.orderBy)
    .limit(limit + 1);
  return keysetPage(rows, limit, (last) => [last.name.toLowerCase(), last.id]);
}

/** Active workers, for assignment pickers and filters (any signed-in user may see who works here). */
export async function listActiveWorkers(
  actor: Actor | null,
): Promise<Pick<UserDto, 'id' | 'name' | 'email' | 'role'>[]> {
  if (!actor) throw new DomainError('unauthorized', 'Please sign in.');
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), eq(users.role, 'worker')))
    .orderBy(asc(users.name))
    .limit(500);
}

export async function getUser(actor: Actor | null, id: string): Promise<UserDto> {
  requireAdmin(actor);
  if (!isUuid(id)) throw notFound('User');
  const db = await getDb();
  const [user] = await db.select(dtoColumns).from(users).where(eq(users.id, id));
  if (!user) throw notFound('User');
  return user;
}

// ----------------------------------------------------------------------------------- admin: write

export async function createUser(actor: Actor | null, input: unknown): Promise<UserDto> {
  requireAdmin(actor);
  const data = parse(createUserInput, input);
  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  try {
    const [user] = await db.transaction((tx) =>
      tx
        .insert(users)
        .values({ name: data.name, email: data.email, role: data.role, passwordHash })
        .returning(dtoColumns),
    );
    return user!;
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_lower_key')) throw emailTaken();
    throw error;
  }
}

export async function updateUser(actor: Actor | null, id: string, input: unknown): Promise<UserDto> {
  const admin = requireAdmin(actor);
  const data = parse(updateUserInput, input);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      if (data.role) await lockActiveAdmins(tx);
      const current = await lockUser(tx, id);
      if (data.role && data.role !== current.role) {
        if (current.id === admin.id) {
          throw conflict('You cannot change your own role.', { role: ['You cannot change your own role.'] });
        }
        if (current.role === 'admin' && current.active) {
          await ensureAnotherActiveAdmin(tx, current.id, {
            role: ['The last active admin must stay an admin.'],
          });
        }
      }
      const roleChanged = data.role !== undefined && data.role !== current.role;
      const [user] = await tx
        .update(users)
        .set({
          ...data,
          updatedAt: new Date(),
          ...(roleChanged ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
        })
        .where(eq(users.id, id))
        .returning(dtoColumns);
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_lower_key')) throw emailTaken();
    throw error;
  }
}

/**
 * The edit form's save: name and email are required, the role is optional (left out for your own account).
 * Same rules as updateUser: no changing your own role, the last active admin stays an admin.
 */
export async function editUser(actor: Actor | null, id: string, input: unknown): Promise<UserDto> {
  requireAdmin(actor);
  const data = parse(editUserInput, input);
  return updateUser(actor, id, data);
}

export async function resetPassword(actor: Actor | null, id: string, input: unknown): Promise<UserDto> {
  requireAdmin(actor);
  const { password } = parse(resetPasswordInput, input);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockUser(tx, id);
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning(dtoColumns);
    return user!;
  });
}

export async function deactivateUser(actor: Actor | null, id: string): Promise<UserDto> {
  const admin = requireAdmin(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockActiveAdmins(tx);
    const current = await lockUser(tx, id);
    if (current.id === admin.id) throw conflict('You cannot deactivate yourself.');
    if (!current.active) return toDto(current);
    if (current.role === 'admin') await ensureAnotherActiveAdmin(tx, current.id);
    const [user] = await tx
      .update(users)
      .set({
        active: false,
        deactivatedAt: new Date(),
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning(dtoColumns);
    // A deactivated technician's running clock stops now.
    await stopRunningClockOf(tx, id, admin.id);
    return user!;
  });
}

export async function reactivateUser(actor: Actor | null, id: string): Promise<UserDto> {
  requireAdmin(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockUser(tx, id);
    if (current.active) return toDto(current);
    const [user] = await tx
      .update(users)
      .set({ active: true, deactivatedAt: null, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning(dtoColumns);
    return user!;
  });
}

/** Ends every browser session and API token of a user (they sign in again). */
export async function endUserSessions(actor: Actor | null, id: string): Promise<void> {
  requireAdmin(actor);
  if (!isUuid(id)) throw notFound('User');
  const db = await getDb();
  const updated = await db.transaction((tx) =>
    tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ id: users.id }),
  );
  if (updated.length === 0) throw notFound('User');
}

// --------------------------------------------------------------------------------------- helpers

async function lockUser(tx: Executor, id: string): Promise<User> {
  if (!isUuid(id)) throw notFound('User');
  const [user] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!user) throw notFound('User');
  return user;
}

/**
 * Locks the active admins' rows, always in id order and before the target row, so two admins removing each
 * other at the same moment queue up instead of deadlocking, and the last-admin check sees a settled set.
 */
async function lockActiveAdmins(tx: Executor): Promise<{ id: string }[]> {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for('update');
}

/** The last active admin cannot be deactivated or demoted. */
async function ensureAnotherActiveAdmin(tx: Executor, leavingId: string, fieldErrors: FieldErrors = {}): Promise<void> {
  const admins = await lockActiveAdmins(tx);
  if (!admins.some((admin) => admin.id !== leavingId)) {
    throw conflict('The last active admin cannot be removed. Make someone else an admin first.', fieldErrors);
  }
}

function toDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    deactivatedAt: user.deactivatedAt,
    createdAt: user.createdAt,
  };
}
