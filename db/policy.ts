// Who may do what. Every data-layer function asks here before it reads or writes; pages, actions and API
// handlers all go through those functions, so the rule is written once.
import type { Actor } from './actor';
import { forbidden, unauthorized } from './errors';

export function requireSignedIn(actor: Actor | null | undefined): Actor {
  if (!actor) throw unauthorized();
  return actor;
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function requireAdmin(actor: Actor | null | undefined): Actor {
  const signedIn = requireSignedIn(actor);
  if (!isAdmin(signedIn)) throw forbidden('Only an admin can do that.');
  return signedIn;
}
