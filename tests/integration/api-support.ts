// Calls REST API v1 route handlers in-process (no build, no server) against the test database: the same
// wrapper, casing and error mapping as over HTTP. For API tests of resource endpoints:
//   const users = await import('@/app/api/v1/users/route');
//   const answer = await callRoute(users, 'POST', '/api/v1/users', { token, json: {...} });
import type { Actor } from '@/db/core/actor';
import { issueToken } from '@/db/auth/tokens';
import { TEST_PASSWORD } from './support';

export type RouteModule = Record<string, unknown>;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type RouteAnswer = { status: number; headers: Headers; body: unknown };

export async function callRoute(
  module: RouteModule,
  method: string,
  path: string,
  options: {
    token?: string;
    json?: unknown;
    raw?: string;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): Promise<RouteAnswer> {
  const handler = module[method] as Handler | undefined;
  if (typeof handler !== 'function') throw new Error(`The route module exports no ${method}.`);
  const headers = new Headers(options.headers);
  if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
  let body: string | undefined = options.raw;
  if (options.json !== undefined) body = JSON.stringify(options.json);
  if (body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const response = await handler(new Request(`http://localhost${path}`, { method, headers, body }), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body:
      text === ''
        ? null
        : /json/.test(response.headers.get('content-type') ?? '')
          ? (JSON.parse(text) as unknown)
          : text,
  };
}

/** A bearer token for a user made with tests/integration/support.ts createUser (password TEST_PASSWORD). */
export async function tokenFor(user: Actor): Promise<string> {
  return (await issueToken({ email: user.email, password: TEST_PASSWORD })).accessToken;
}
