// A user's own account: changing one's password (the current one required). It ends the user's other sessions
// and API tokens (the session version moves on); the session that made the change stays signed in.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '../client';
import type { Actor } from '../core/actor';
import { fieldErrorsFromZod, invalid, unauthorized } from '../core/errors';
import { isUuid } from '../core/ids';
import { sessions, users } from '../schema';
import { hashPassword, newPasswordField, PASSWORD_MAX_LENGTH, verifyPassword } from './passwords';
import { endOtherSessions } from './sessions';

export const changePasswordInput = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.'),
    newPassword: newPasswordField('Enter a new password.'),
    confirmPassword: z.string({ error: 'Repeat the new password.' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords differ.',
  });

export async function changeOwnPassword(actor: Actor | null, sessionId: string, raw: unknown): Promise<void> {
  if (!actor || !isUuid(sessionId)) throw unauthorized();
  const parsed = changePasswordInput.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrorsFromZod(parsed.error));
  const { currentPassword, newPassword } = parsed.data;
  const db = await getDb();
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (
    currentPassword.length > PASSWORD_MAX_LENGTH ||
    !(await verifyPassword(user?.passwordHash ?? null, currentPassword))
  ) {
    throw invalid({ currentPassword: ['That is not your current password.'] });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id))
      .returning({ sessionVersion: users.sessionVersion });
    // This session moves on with the user; every other one is left behind (and ended outright).
    const kept = await tx
      .update(sessions)
      .set({ sessionVersion: changed!.sessionVersion })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.id), isNull(sessions.endedAt)))
      .returning({ id: sessions.id });
    if (kept.length === 0) throw unauthorized('Your session has ended. Please sign in again.');
    await endOtherSessions(tx, actor.id, sessionId);
  });
}
