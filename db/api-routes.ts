// Every REST API v1 operation, in one list: the OpenAPI document (db/openapi.ts) is built from it, and the
// handler wrapper (db/api.ts) looks each route file's spec up here (auth, body, query, list, status), so the
// document and the handlers cannot drift apart. Adding an endpoint = a spec here + a thin route file.
import 'server-only';
import { z } from 'zod';
import { apiSchema, buildOpenApiDocument, meDto, userDto, type ApiRouteSpec } from './openapi';
import { tokenDto, tokenInput } from './tokens';
import { createUserInput, listUsersInput, passwordSchema, updateUserInput } from './users';

const openApiDocumentDto = apiSchema(
  'OpenApiDocument',
  z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.looseObject({})) }),
);

/** The body of POST /api/v1/users/{id}/reset-password (the same password rule as db/users.ts resetPassword). */
export const resetPasswordInput = z.object({ password: passwordSchema });

export const apiRoutes: readonly ApiRouteSpec[] = [
  // ------------------------------------------------------------------------------------------ meta
  {
    method: 'GET',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI 3.1 document',
    tag: 'Meta',
    auth: false,
    response: openApiDocumentDto,
  },
  // ------------------------------------------------------------------------------------------ auth
  {
    method: 'POST',
    path: '/api/v1/auth/token',
    operationId: 'createToken',
    summary: 'Exchange an email and password for a bearer token',
    description: 'The token is valid for `expires_in` seconds (15 minutes). Wrong credentials answer 401.',
    tag: 'Auth',
    auth: false,
    body: tokenInput,
    response: tokenDto,
    errors: [401],
  },
  {
    method: 'GET',
    path: '/api/v1/me',
    operationId: 'getMe',
    summary: 'The user the token belongs to',
    tag: 'Auth',
    response: meDto,
  },
  // ----------------------------------------------------------------------------------------- users
  {
    method: 'GET',
    path: '/api/v1/users',
    operationId: 'listUsers',
    summary: 'List users (admin)',
    description: 'Sorted by name. `q` searches name and email; `include_inactive` (default true) includes deactivated users.',
    tag: 'Users',
    query: listUsersInput,
    list: true,
    response: userDto,
    errors: [403],
  },
  {
    method: 'POST',
    path: '/api/v1/users',
    operationId: 'createUser',
    summary: 'Create a user (admin)',
    description: 'The password (8–128 characters) is never returned. A duplicate email answers 409.',
    tag: 'Users',
    body: createUserInput,
    response: userDto,
    status: 201,
    errors: [403, 409],
  },
  {
    method: 'GET',
    path: '/api/v1/users/{id}',
    operationId: 'getUser',
    summary: 'Get a user (admin)',
    tag: 'Users',
    response: userDto,
    errors: [403],
  },
  {
    method: 'PATCH',
    path: '/api/v1/users/{id}',
    operationId: 'updateUser',
    summary: 'Change a user’s name, email or role (admin)',
    description:
      'Only the fields sent are changed. A role change ends that user’s sessions and tokens. You cannot change your own role, and the last active admin cannot be demoted (409).',
    tag: 'Users',
    body: updateUserInput,
    response: userDto,
    errors: [403, 409],
  },
  {
    method: 'POST',
    path: '/api/v1/users/{id}/deactivate',
    operationId: 'deactivateUser',
    summary: 'Deactivate a user (admin)',
    description:
      'The user can no longer sign in, and their sessions and tokens stop working on their next request. You cannot deactivate yourself or the last active admin (409).',
    tag: 'Users',
    response: userDto,
    errors: [403, 409],
  },
  {
    method: 'POST',
    path: '/api/v1/users/{id}/reactivate',
    operationId: 'reactivateUser',
    summary: 'Reactivate a user (admin)',
    tag: 'Users',
    response: userDto,
    errors: [403],
  },
  {
    method: 'POST',
    path: '/api/v1/users/{id}/reset-password',
    operationId: 'resetUserPassword',
    summary: 'Set a new password for a user (admin)',
    description: 'Ends that user’s sessions and tokens: they sign in again with the new password.',
    tag: 'Users',
    body: resetPasswordInput,
    response: userDto,
    errors: [403],
  },
];

/** The spec of one operation, if the registry has it. */
export function findApiRoute(path: string, method: string): ApiRouteSpec | undefined {
  return apiRoutes.find((route) => route.path === path && route.method === method);
}

let cachedDocument: Record<string, unknown> | undefined;

/** The OpenAPI document of every route above (built once per process). */
export function openApiDocument(): Record<string, unknown> {
  cachedDocument ??= buildOpenApiDocument(apiRoutes);
  return cachedDocument;
}
