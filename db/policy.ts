// Who may do what. Every data-layer function asks here before it reads or writes; pages, actions and API
// handlers all go through those functions, so the rule is written once.
import { eq, exists, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from './actor';
import { forbidden, unauthorized } from './errors';
import { jobAssignments, jobs } from './schema';

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

/**
 * The jobs an actor may see, as a condition on `jobs`: an admin sees every job; a worker sees the jobs
 * assigned to them and the ones they created. Any other job is "not found" for them.
 */
export function jobVisibleTo(actor: Actor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  return or(
    eq(jobs.createdBy, actor.id),
    exists(
      sql`(select 1 from ${jobAssignments} where ${jobAssignments.jobId} = ${jobs.id} and ${jobAssignments.workerId} = ${actor.id} and ${jobAssignments.unassignedAt} is null)`,
    ),
  );
}

/** Whether a worker is currently assigned to the job (admins count as assigned to everything). */
export function isAssignedCondition(actor: Actor): SQL {
  return sql`exists (select 1 from ${jobAssignments} where ${jobAssignments.jobId} = ${jobs.id} and ${jobAssignments.workerId} = ${actor.id} and ${jobAssignments.unassignedAt} is null)`;
}
