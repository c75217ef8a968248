// The signed-in person every data-layer function acts for, re-read from the database on every request.
import { eq, sql } from 'drizzle-orm';
import { getDb, preparedRead } from '../client';
import { isUuid } from './ids';
import type { UserRole } from '../schema';
import { users } from '../schema';

export type Actor = { id: string; email: string; name: string; role: UserRole };

/** What a session cookie or an API token claims; trusted only after `actorFromClaims`. */
export type SessionClaims = { userId: string; sessionVersion: number };

// Every page and API request runs this one.
const userByIdForSession = preparedRead((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare('actor_by_id'),
);

/**
 * The user behind the claims if they are still active and the session version still matches: deactivation,
 * a role change or a password change bump the version, so older sessions and tokens end on their next request.
 */
export async function actorFromClaims(claims: SessionClaims): Promise<Actor | null> {
  if (!isUuid(claims.userId)) return null;
  const [user] = await userByIdForSession(await getDb()).execute({ id: claims.userId });
  if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
