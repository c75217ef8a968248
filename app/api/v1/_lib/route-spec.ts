// What a REST API v1 operation is: one spec per method and path, declared in specs/<resource>.ts. The handler
// wrapper (define-route.ts) runs each route file's handler under its spec; the document (openapi.ts) is built
// from the same specs, so the two cannot drift apart.
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Default and maximum page size of every list endpoint. */
export const API_DEFAULT_LIMIT = 25;
export const API_MAX_LIMIT = 100;

export type ApiRouteSpec = {
  method: Exclude<HttpMethod, 'DELETE'>;
  /** The OpenAPI path template, e.g. `/api/v1/users/{id}` (the route file is app/api/v1/users/[id]/route.ts). */
  path: `/api/${'v1' | 'public'}/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Public endpoints (token, openapi.json) say `auth: false`; everything else needs a bearer token. */
  auth?: false;
  /**
   * The role the operation needs: the wrapper refuses anyone else with 403 before it reads the body (so a
   * worker hears 403, not a field error), and the document lists the 403. The data layer still checks.
   */
  role?: 'admin';
  /** The data layer's camelCase input schema for the JSON body (validated there; documented here). */
  body?: z.ZodType;
  /** The body may be left out (every field of `body` is optional): it is then `{}`. */
  optionalBody?: true;
  /** The success answer may also be asked for as CSV (`?format=csv`): the document lists `text/csv` too. */
  csv?: true;
  /** The data layer's camelCase schema for the query string (values are coerced from strings by the wrapper). */
  query?: z.ZodObject;
  /** The response is a list page `{data: [response], next_cursor}`; `limit` defaults to 25. */
  list?: boolean;
  /** The camelCase DTO schema of a success answer, registered as a component (Dates become date-time strings). */
  response?: z.ZodType;
  /** Success status: 200 (default), 201 for creation, 204 for no content. */
  status?: 200 | 201 | 204;
  /**
   * Error statuses beyond the automatic ones (401 with auth; 403 with a role; 400/413/422 with a body; 422 with
   * a query; 404 with a path id).
   */
  errors?: number[];
};

/** Path parameter names of a template: `/api/v1/jobs/{id}/notes` → ['id']. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}
