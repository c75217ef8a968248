// Who may do what. Every data-layer function asks here before it reads or writes; pages, actions and API
// handlers all go through those functions, so the rule is written once.
import { eq, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Actor } from './actor';
import { preparedRead, type Database } from '../client';
import { forbidden, unauthorized } from './errors';
import { jobAssignments, jobs } from '../schema';

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
  return jobVisibleToWorker(actor.id);
}

/** The worker's part of `jobVisibleTo`; the id may be a prepared statement's placeholder. */
export function jobVisibleToWorker(workerId: string | Placeholder): SQL {
  return or(eq(jobs.createdBy, workerId), assignedTo(workerId))!;
}

/** The job has the worker among its current assignees (job_assignments_worker_active_idx). */
export function assignedTo(workerId: string | Placeholder): SQL {
  return sql`exists (select 1 from ${jobAssignments} where ${jobAssignments.jobId} = ${jobs.id} and ${jobAssignments.workerId} = ${workerId} and ${jobAssignments.unassignedAt} is null)`;
}

type PreparedStatement = { execute(params?: Record<string, unknown>): Promise<unknown> };

/**
 * A prepared read (`preparedRead`) of jobs as the actor may see them: one statement for admins, one for workers
 * with `jobVisibleToWorker` and their id as the `actorId` parameter. `build` adds `visible` to its conditions.
 */
export function preparedJobsRead<P extends PreparedStatement>(
  name: string,
  build: (db: Database, visible: SQL | undefined) => { prepare(name: string): P },
): (db: Database, actor: Actor, params: Record<string, unknown>) => ReturnType<P['execute']> {
  const forAdmin = preparedRead((db) => build(db, undefined).prepare(name));
  const forWorker = preparedRead((db) =>
    build(db, jobVisibleToWorker(sql.placeholder('actorId'))).prepare(`${name}_for_worker`),
  );
  return (db, actor, params) =>
    (isAdmin(actor)
      ? forAdmin(db).execute(params)
      : forWorker(db).execute({ ...params, actorId: actor.id })) as ReturnType<P['execute']>;
}
