// Browser sessions on the server: the cookie carries a session id (and the user id); every request checks the
// `sessions` row. Signing out ends the row, so a copied cookie stops working at once; a deactivation, a role
// change or an admin's "end sessions" bump the user's session version, which ends every row opened before.
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb, preparedRead } from '../client';
import type { Actor } from '../core/actor';
import { isUuid } from '../core/ids';
import { sessions, users } from '../schema';

/** A session ends this long after it was opened, however busy it is (one long shift). */
export const SESSION_ABSOLUTE_HOURS = 12;

/** Opens a session for a user who just proved their password; answers its id for the cookie. */
export async function openSession(claims: { userId: string; sessionVersion: number }): Promise<string> {
  const db = await getDb();
  const [session] = await db
    .insert(sessions)
    .values({ userId: claims.userId, sessionVersion: claims.sessionVersion })
    .returning({ id: sessions.id });
  return session!.id;
}

// Every page request runs this one: by primary key, prepared once.
const actorBySession = preparedRead((db) =>
  db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sessionId')),
        eq(sessions.userId, sql.placeholder('userId')),
        isNull(sessions.endedAt),
        eq(users.active, true),
        eq(users.sessionVersion, sessions.sessionVersion),
        sql`${sessions.createdAt} > now() - make_interval(hours => ${sql.raw(String(SESSION_ABSOLUTE_HOURS))})`,
      ),
    )
    .prepare('actor_by_session'),
);

/** The user behind a session cookie, or null when the session was ended, expired or the user changed. */
export async function actorFromSession(claims: { userId: string; sessionId: string }): Promise<Actor | null> {
  if (!isUuid(claims.userId) || !isUuid(claims.sessionId)) return null;
  const [actor] = await actorBySession(await getDb()).execute(claims);
  return actor ?? null;
}

/** Sign-out: the session ends on the server, whoever holds a copy of the cookie. */
export async function endSession(sessionId: unknown): Promise<void> {
  if (typeof sessionId !== 'string' || !isUuid(sessionId)) return;
  const db = await getDb();
  await db
    .update(sessions)
    .set({ endedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Ends every open session of a user but one (after a password change, the one that made it stays). */
export async function endOtherSessions(
  executor: Pick<Awaited<ReturnType<typeof getDb>>, 'update'>,
  userId: string,
  keepSessionId: string,
): Promise<void> {
  await executor
    .update(sessions)
    .set({ endedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), ne(sessions.id, keepSessionId)));
}
