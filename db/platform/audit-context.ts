// Who is acting and from where (the browser UI or the API), carried through a request with
// AsyncLocalStorage. db/client.ts copies it into every transaction (set_config app.actor_id / app.origin)
// so the audit triggers record it in the same transaction as the change.
import { AsyncLocalStorage } from 'node:async_hooks';

export type RequestContext = { actorId: string; origin: 'ui' | 'api' | 'system' };

// One store per process, kept on globalThis: a production build bundles this module into several chunks, and
// the database handle (also shared through globalThis) must read the same store the route handlers write to.
const globalForContext = globalThis as unknown as { workshopRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext.workshopRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
