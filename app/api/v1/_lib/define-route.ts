// The one wrapper every REST API v1 route handler goes through:
//   bearer token → actor (re-checked in the database) · the spec's role (403 before the body is read) ·
//   body (≤ 1 MB, JSON object) and query string, snake_case → camelCase · the handler (a call to a db/
//   function) · the result camelCase → snake_case JSON. Refusals become problem+json (problem.ts); methods a
//   route does not implement answer 405 with Allow.
import 'server-only';
import { requireAdmin } from '@/db/core/policy';
import type { Actor } from '@/db/core/actor';
import { runWithRequestContext } from '@/db/platform/audit-context';
import { authenticate } from './bearer';
import { readJsonObject, refuseDeclaredLargeBody, refuseNonJsonContentType } from './body';
import { toApiJson } from './casing';
import { errorResponse, problemResponse } from './problem';
import { queryFromSearchParams } from './query';
import { HTTP_METHODS, pathParameters, type ApiRouteSpec, type HttpMethod } from './route-spec';
import { apiRoutes } from './specs';

type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

export type ApiContext<P extends string = string> = {
  /** The token's user, re-read from the database (null only on public routes). */
  actor: Actor | null;
  /** The JSON body with camelCase keys, not yet validated (the db/ function validates it). */
  body: unknown;
  /** The query string with camelCase keys, values coerced to the spec's query schema types (not yet validated). */
  query: Record<string, unknown>;
  params: Record<PathParamNames<P>, string>;
  request: Request;
};

/** Returns the DTO (camelCase, Dates allowed), a list page `{data, nextCursor}`, undefined (204) or a Response. */
export type ApiHandler<P extends string = string> = (context: ApiContext<P>) => unknown;

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type NextRouteHandler = (request: Request, context: NextContext) => Promise<Response>;
type RouteExports = Record<HttpMethod | 'OPTIONS', NextRouteHandler>;

function jsonResponse(result: unknown, status: number): Response {
  if (result instanceof Response) return result;
  if (result === undefined || status === 204)
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return new Response(JSON.stringify(toApiJson(result)), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}

/** One operation's Next handler under its spec (defineApiRoute uses it; exported for tests). */
export function apiHandler(spec: ApiRouteSpec, handler: ApiHandler): NextRouteHandler {
  const where = `${spec.method} ${spec.path}`;
  const parameterNames = pathParameters(spec.path);
  return async (request, context) => {
    try {
      const actor = spec.auth === false ? null : await authenticate(request);
      if (spec.role === 'admin') requireAdmin(actor);
      const rawParams = (await context?.params) ?? {};
      const params: Record<string, string> = {};
      for (const name of parameterNames) {
        const value = rawParams[name];
        params[name] = Array.isArray(value) ? value.join('/') : (value ?? '');
      }
      const query = queryFromSearchParams(spec.query, new URL(request.url).searchParams, spec.list);
      let body: unknown = undefined;
      if (spec.body) body = await readJsonObject(request, { optional: spec.optionalBody });
      else {
        refuseDeclaredLargeBody(request);
        if (request.method !== 'GET' && request.method !== 'HEAD') refuseNonJsonContentType(request);
      }
      const run = () => handler({ actor, body, query, params, request });
      // The audit trail records writes made through the API as such, with the token's user.
      const result = actor ? await runWithRequestContext({ actorId: actor.id, origin: 'api' }, run) : await run();
      return jsonResponse(result, spec.status ?? 200);
    } catch (error) {
      return errorResponse(error, where);
    }
  };
}

function methodNotAllowed(allow: string): NextRouteHandler {
  return async (request) =>
    problemResponse(405, `${request.method} is not supported here. Allowed: ${allow}.`, { headers: { Allow: allow } });
}

/**
 * The exports of one route file. Every method of HTTP_METHODS is exported: the ones with a handler run it
 * under their spec in specs/<resource>.ts, the others (DELETE everywhere) answer 405 with an Allow header.
 *
 *   export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/users/{id}', {
 *     GET: ({ actor, params }) => getUser(actor, params.id),
 *   });
 *
 * A handler without a spec, or a spec without a handler, is a programming error and throws at load time.
 */
export function defineApiRoute<P extends ApiRouteSpec['path']>(
  path: P,
  handlers: Partial<Record<Exclude<HttpMethod, 'DELETE'>, ApiHandler<P>>>,
): RouteExports {
  const specs = apiRoutes.filter((route) => route.path === path);
  for (const method of Object.keys(handlers)) {
    if (!specs.some((spec) => spec.method === method))
      throw new Error(`No spec in app/api/v1/_lib/specs/ for ${method} ${path}.`);
  }
  for (const spec of specs) {
    if (!handlers[spec.method])
      throw new Error(`${spec.method} ${path} has a spec in app/api/v1/_lib/specs/ but its route file has no handler.`);
  }
  const implemented = HTTP_METHODS.filter((method) => method !== 'DELETE' && handlers[method]);
  const allow = [...implemented, ...(implemented.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const exports: Partial<RouteExports> = {
    OPTIONS: async () => new Response(null, { status: 204, headers: { Allow: allow } }),
  };
  for (const method of HTTP_METHODS) {
    const handler = method === 'DELETE' ? undefined : handlers[method];
    const spec = specs.find((candidate) => candidate.method === method);
    exports[method] = handler && spec ? apiHandler(spec, handler as ApiHandler) : methodNotAllowed(allow);
  }
  return exports as RouteExports;
}
