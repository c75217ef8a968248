// The one wrapper every REST API v1 route handler goes through:
//   bearer token → actor (re-checked in the database) · body (≤ 1 MB, JSON object) and query string,
//   snake_case → camelCase · the handler (a call to a db/ function) · the result camelCase → snake_case JSON.
// Refusals are mapped here, once: DomainError kinds → 401/403/404/409/422, malformed JSON → 400, big bodies
// → 413, unsupported methods → 405 with Allow; all as application/problem+json (RFC 9457). Anything else is
// logged and answered with a generic 500 that leaks nothing.
import 'server-only';
import type { z } from 'zod';
import type { Actor } from './core/actor';
import { runWithRequestContext } from './platform/audit-context';
import { apiRoutes } from './api-routes';
import { camelToSnake, fieldErrorsToSnake, keysToCamel, toApiJson } from './casing';
import {
  DomainError,
  domainErrorFromDatabase,
  postgresError,
  type DomainErrorKind,
  type FieldErrors,
} from './core/errors';
import {
  API_DEFAULT_LIMIT,
  HTTP_METHODS,
  pathParameters,
  statusTitle,
  type ApiRouteSpec,
  type HttpMethod,
} from './openapi';
import { actorFromToken } from './auth/tokens';

/** Request bodies over this many bytes answer 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

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

// ------------------------------------------------------------------------------------------ problems

/** A refusal decided by the API layer itself (not the data layer). */
class ApiProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

const kindStatus: Record<DomainErrorKind, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  unavailable: 503,
};

const BEARER_CHALLENGE = 'Bearer realm="workshop-erp"';

export function problemResponse(
  status: number,
  detail: string,
  options: { errors?: FieldErrors; headers?: Record<string, string> } = {},
): Response {
  const body: Record<string, unknown> = { type: 'about:blank', title: statusTitle(status), status, detail };
  if (options.errors && Object.keys(options.errors).length > 0) body.errors = fieldErrorsToSnake(options.errors);
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...options.headers },
  });
}

function errorResponse(error: unknown, where: string): Response {
  if (error instanceof ApiProblem) return problemResponse(error.status, error.message, { headers: error.headers });
  if (error instanceof DomainError) {
    const status = kindStatus[error.kind];
    return problemResponse(status, error.message, {
      errors: error.fieldErrors,
      headers:
        status === 401
          ? { 'WWW-Authenticate': BEARER_CHALLENGE }
          : error.retryAfterSeconds !== undefined
            ? { 'Retry-After': String(error.retryAfterSeconds) }
            : {},
    });
  }
  // A database refusal the data layer did not translate: still the caller's mistake, never a 500.
  const refusal = domainErrorFromDatabase(error);
  if (refusal) {
    console.warn(
      `[api] untranslated database refusal ${postgresError(error)?.code} (${postgresError(error)?.constraint ?? '?'}) on ${where}`,
    );
    return problemResponse(kindStatus[refusal.kind], refusal.message, { errors: refusal.fieldErrors });
  }
  console.error(`[api] unexpected error on ${where}:`, error);
  return problemResponse(500, 'Something went wrong on our side. Nothing was saved; please try again.');
}

// ------------------------------------------------------------------------------------- request parts

async function authenticate(request: Request): Promise<Actor> {
  const header = request.headers.get('authorization');
  if (!header) {
    throw new ApiProblem(401, 'A bearer token is required: Authorization: Bearer <token> (POST /api/v1/auth/token).', {
      'WWW-Authenticate': BEARER_CHALLENGE,
    });
  }
  const match = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i.exec(header);
  const actor = match ? await actorFromToken(match[1]!) : null;
  if (!actor) {
    throw new ApiProblem(401, 'The bearer token is invalid, expired or revoked. Ask for a new one.', {
      'WWW-Authenticate': `${BEARER_CHALLENGE}, error="invalid_token"`,
    });
  }
  return actor;
}

const tooLarge = () => new ApiProblem(413, `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);

/** The raw body, refusing more than MAX_BODY_BYTES whether or not Content-Length says so. */
async function readLimitedBody(request: Request): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-body (a load tool stopping, a dropped tablet): its mistake, not a 500.
      throw new ApiProblem(400, 'The request body could not be read: the connection closed before it ended.');
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const bytes = await readLimitedBody(request);
  let parsed: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.trim() === '') throw new ApiProblem(400, 'A JSON object is required as the request body.');
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw new ApiProblem(400, 'The request body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiProblem(400, 'The request body must be a JSON object.');
  }
  return keysToCamel(parsed) as Record<string, unknown>;
}

type ZodDef = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** The base type of a field schema under optional/default/nullable/pipe wrappers. */
function baseDef(schema: z.ZodType): ZodDef {
  let def = defOf(schema);
  for (let depth = 0; depth < 10; depth++) {
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) break;
    def = defOf(inner);
  }
  return def;
}

function coerceQueryValue(def: ZodDef, value: string): unknown {
  if ((def.type === 'number' || def.type === 'int') && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (def.type === 'boolean') {
    if (/^(true|1|yes)$/i.test(value)) return true;
    if (/^(false|0|no)$/i.test(value)) return false;
  }
  return value;
}

/**
 * The query string as the data layer's camelCase input: only the keys the schema knows (by their snake_case
 * names), empty values dropped, numbers and booleans coerced from strings so zod can validate them.
 */
export function queryFromSearchParams(
  schema: z.ZodObject | undefined,
  searchParams: URLSearchParams,
  list = false,
): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (schema) {
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const values = searchParams.getAll(camelToSnake(key)).filter((value) => value.trim() !== '');
      if (values.length === 0) continue;
      const def = baseDef(field);
      if (def.type === 'array') {
        const element = def.element ? baseDef(def.element) : { type: 'string' };
        query[key] = values
          .flatMap((value) => value.split(','))
          .map((value) => coerceQueryValue(element, value.trim()));
      } else {
        query[key] = coerceQueryValue(def, values.at(-1)!);
      }
    }
  }
  if (list && query.limit === undefined) query.limit = API_DEFAULT_LIMIT;
  return query;
}

// -------------------------------------------------------------------------------------- the wrapper

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
      const rawParams = (await context?.params) ?? {};
      const params: Record<string, string> = {};
      for (const name of parameterNames) {
        const value = rawParams[name];
        params[name] = Array.isArray(value) ? value.join('/') : (value ?? '');
      }
      const query = queryFromSearchParams(spec.query, new URL(request.url).searchParams, spec.list);
      let body: unknown = undefined;
      if (spec.body) {
        body = await readJsonObject(request);
      } else if (
        request.headers.get('content-length') &&
        Number(request.headers.get('content-length')) > MAX_BODY_BYTES
      ) {
        throw tooLarge();
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
 * under their spec in db/api-routes.ts, the others (DELETE everywhere) answer 405 with an Allow header.
 *
 *   export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/users/{id}', {
 *     GET: ({ actor, params }) => getUser(actor, params.id),
 *   });
 *
 * A handler without a spec, or a spec without a handler, is a programming error and throws at load time.
 */
export function defineApiRoute<P extends `/api/v1/${string}`>(
  path: P,
  handlers: Partial<Record<Exclude<HttpMethod, 'DELETE'>, ApiHandler<P>>>,
): RouteExports {
  const specs = apiRoutes.filter((route) => route.path === path);
  for (const method of Object.keys(handlers)) {
    if (!specs.some((spec) => spec.method === method))
      throw new Error(`db/api-routes.ts has no spec for ${method} ${path}.`);
  }
  for (const spec of specs) {
    if (!handlers[spec.method])
      throw new Error(`${spec.method} ${path} is in db/api-routes.ts but its route file has no handler.`);
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
