import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { authOptions, SESSION_ABSOLUTE_SECONDS } from './auth';
import type { Actor } from '@/db/core/actor';
import { actorFromSession } from '@/db/auth/sessions';

/**
 * The signed-in user of this browser request, checked against the database; null when signed out or revoked.
 * Once per request: the layout and the page both ask, and React's request cache answers the second from the
 * first (outside a server-component render, e.g. in a server action, every call checks again).
 */
export const currentActor = cache(async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  if (!session?.userId || !session.sessionId) return null;
  if (Date.now() / 1000 - session.authenticatedAt > SESSION_ABSOLUTE_SECONDS) return null;
  return actorFromSession({ userId: session.userId, sessionId: session.sessionId });
});

/** The server-side session id of this browser request (the account page keeps it when the password changes). */
export async function currentSessionId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return session?.sessionId || null;
}

/** For pages: the actor, or off to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/login?expired=1');
  return actor;
}

/** For admin pages: a worker is sent to their own screen with a notice. */
export async function requireAdminPage(): Promise<Actor> {
  const actor = await requireActor();
  if (actor.role !== 'admin') redirect('/my-jobs?denied=1');
  return actor;
}

export function homePathFor(actor: Pick<Actor, 'role'>): string {
  return actor.role === 'admin' ? '/dashboard' : '/my-jobs';
}
