// Who is acting and from where (the browser UI or the API), carried through a request with
// AsyncLocalStorage. db/client.ts copies it into every transaction (set_config app.actor_id / app.origin)
// so the audit triggers record it in the same transaction as the change.
import { AsyncLocalStorage } from 'node:async_hooks';

export type RequestContext = { actorId: string; origin: 'ui' | 'api' | 'system' };

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
