// The OpenAPI 3.1 document of REST API v1, generated from the same zod schemas the handlers use: the request
// schemas are the data layer's camelCase input schemas, turned into JSON Schema by zod 4 and renamed to the
// API's snake_case. The route list itself lives in db/api-routes.ts (one module, so the document is complete
// whichever route modules Next has loaded); db/api.ts looks each handler's spec up in the same list.
import { z } from 'zod';
import { jsonSchemaToSnake } from './casing';
import { userRole } from './schema';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Default and maximum page size of every list endpoint. */
export const API_DEFAULT_LIMIT = 25;
export const API_MAX_LIMIT = 100;

export type ApiRouteSpec = {
  method: Exclude<HttpMethod, 'DELETE'>;
  /** The OpenAPI path template, e.g. `/api/v1/users/{id}` (the route file is app/api/v1/users/[id]/route.ts). */
  path: `/api/v1/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Public endpoints (token, openapi.json) say `auth: false`; everything else needs a bearer token. */
  auth?: false;
  /** The data layer's camelCase input schema for the JSON body (validated there; documented here). */
  body?: z.ZodType;
  /** The data layer's camelCase schema for the query string (values are coerced from strings by the wrapper). */
  query?: z.ZodObject;
  /** The response is a list page `{data: [response], next_cursor}`; `limit` defaults to 25. */
  list?: boolean;
  /** The camelCase DTO schema of a success answer (Dates may be z.date(): they become date-time strings). */
  response?: z.ZodType;
  /** Success status: 200 (default), 201 for creation, 204 for no content. */
  status?: 200 | 201 | 204;
  /** Error statuses beyond the automatic ones (401 with auth; 400/413/422 with a body; 422 with a query; 404 with a path id). */
  errors?: number[];
};

// ---------------------------------------------------------------------------------- shared schemas

const schemaNames = new WeakMap<z.ZodType, string>();

/** Names a DTO schema: the document puts it under components.schemas and refers to it with $ref. */
export function apiSchema<T extends z.ZodType>(name: string, schema: T): T {
  schemaNames.set(schema, name);
  return schema;
}

export const problemDto = apiSchema(
  'Problem',
  z
    .object({
      type: z.string().describe('A URI reference identifying the problem type (about:blank: see the status).'),
      title: z.string(),
      status: z.number().int(),
      detail: z.string(),
      errors: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe(
          'For 422 (and some 409): messages per field, keyed by the snake_case field path (`lines.0.unit_price_cents`).',
        ),
    })
    .describe('An RFC 9457 problem (application/problem+json).'),
);

const timestamp = z.date();

/** A user as the admin API returns it. */
export const userDto = apiSchema(
  'User',
  z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(userRole.enumValues),
    active: z.boolean(),
    deactivatedAt: timestamp.nullable(),
    createdAt: timestamp,
  }),
);

/** The signed-in user (GET /api/v1/me and the token answer). */
export const meDto = apiSchema(
  'Me',
  z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(userRole.enumValues) }),
);

// ----------------------------------------------------------------------------------- JSON Schema

type JsonSchema = Record<string, unknown>;

/** zod → JSON Schema (2020-12) with snake_case property names; Dates become date-time strings. */
export function toApiJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (context) => {
      const type = (context.zodSchema as { _zod: { def: { type: string } } })._zod.def.type;
      if (type === 'date') {
        context.jsonSchema.type = 'string';
        context.jsonSchema.format = 'date-time';
      }
      // z.int() says "within the safe integers": true but noise in a document.
      if (context.jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete context.jsonSchema.minimum;
      if (context.jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete context.jsonSchema.maximum;
    },
  }) as JsonSchema;
  delete json.$schema;
  return jsonSchemaToSnake(json);
}

/**
 * The schema ready to sit inside the document: shared definitions zod put under `$defs` (recursive or
 * id-tagged schemas) move to components.schemas, and their $refs follow.
 */
function documentSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const json = toApiJsonSchema(schema, io);
  const definitions = json.$defs as Record<string, JsonSchema> | undefined;
  if (!definitions) return json;
  delete json.$defs;
  const renames = new Map<string, string>();
  for (const [name, definition] of Object.entries(definitions)) {
    let unique = name;
    for (let n = 2; components[unique] && JSON.stringify(components[unique]) !== JSON.stringify(definition); n++)
      unique = `${name}_${n}`;
    renames.set(name, unique);
  }
  const moved = (value: unknown) =>
    JSON.parse(
      JSON.stringify(value).replace(
        /"#\/\$defs\/([^"]+)"/g,
        (_match, name: string) => `"#/components/schemas/${renames.get(name) ?? name}"`,
      ),
    ) as JsonSchema;
  for (const [name, definition] of Object.entries(definitions)) components[renames.get(name)!] ??= moved(definition);
  return moved(json);
}

function schemaRef(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const name = schemaNames.get(schema);
  if (!name || io === 'input') return documentSchema(schema, io, components);
  components[name] ??= documentSchema(schema, io, components);
  return { $ref: `#/components/schemas/${name}` };
}

function listEnvelope(item: JsonSchema): JsonSchema {
  return {
    type: 'object',
    properties: {
      data: { type: 'array', items: item },
      next_cursor: {
        anyOf: [{ type: 'string' }, { type: 'null' }],
        description: 'Pass as `cursor` for the next page; null on the last page.',
      },
    },
    required: ['data', 'next_cursor'],
    additionalProperties: false,
  };
}

const statusTitles: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

export function statusTitle(status: number): string {
  return statusTitles[status] ?? 'Error';
}

const errorDescriptions: Record<number, string> = {
  400: 'Malformed JSON, or a body that is not a JSON object.',
  401: 'Missing, invalid, expired or revoked bearer token (or wrong credentials).',
  403: 'Your role may not do this.',
  404: 'Not found (or not visible to you).',
  409: 'Conflict with the current state.',
  413: 'Request body over 1 MB.',
  422: 'Validation failed: see `errors`.',
};

/** The error statuses an operation can answer, automatic ones included. */
export function errorStatuses(spec: ApiRouteSpec): number[] {
  const statuses = new Set<number>(spec.errors ?? []);
  if (spec.auth !== false) statuses.add(401);
  if (spec.body) [400, 413, 422].forEach((status) => statuses.add(status));
  if (spec.query) statuses.add(422);
  if (spec.path.includes('{')) statuses.add(404);
  return [...statuses].sort((a, b) => a - b);
}

/** Path parameter names of a template: `/api/v1/jobs/{id}/notes` → ['id']. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

function queryParameters(spec: ApiRouteSpec, components: Record<string, JsonSchema>): JsonSchema[] {
  if (!spec.query) return [];
  const json = documentSchema(spec.query, 'input', components);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => {
    const parameterSchema = { ...schema };
    if (spec.list && name === 'limit') {
      parameterSchema.default = API_DEFAULT_LIMIT;
      parameterSchema.maximum = API_MAX_LIMIT;
    }
    const { description, ...rest } = parameterSchema;
    return {
      name,
      in: 'query',
      required: required.has(name) && !('default' in schema),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** The whole OpenAPI 3.1 document for the given routes. */
export function buildOpenApiDocument(routes: readonly ApiRouteSpec[]): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const problemRef = schemaRef(problemDto, 'output', components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const status = spec.status ?? 200;
    const responses: Record<string, unknown> = {};
    if (status === 204 || !spec.response) {
      responses[String(status)] = { description: statusTitle(status) };
    } else {
      const item = schemaRef(spec.response, 'output', components);
      responses[String(status)] = {
        description: statusTitle(status),
        content: { 'application/json': { schema: spec.list ? listEnvelope(item) : item } },
      };
    }
    for (const error of errorStatuses(spec)) {
      responses[String(error)] = {
        description: errorDescriptions[error] ?? statusTitle(error),
        content: { 'application/problem+json': { schema: problemRef } },
      };
    }
    const parameters = [
      ...pathParameters(spec.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...queryParameters(spec, components),
    ];
    const operation: Record<string, unknown> = {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [spec.tag],
      ...(spec.auth === false ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: documentSchema(spec.body, 'input', components) } },
            },
          }
        : {}),
      responses,
    };
    (paths[spec.path] ??= {})[spec.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Workshop ERP API',
      version: '1.0.0',
      description: [
        'REST API v1 of Workshop ERP. JSON in snake_case; money as integer `*_cents`; timestamps ISO 8601 UTC.',
        'Get a token with `POST /api/v1/auth/token` and send it as `Authorization: Bearer …` (valid 15 minutes;',
        'it stops working at once when the user is deactivated, changes role or password).',
        'Lists answer `{"data": […], "next_cursor": string|null}` (`limit` 1–100, default 25; pass `cursor` for the next page).',
        'Errors are `application/problem+json` (RFC 9457). There is no DELETE: nothing is hard-deleted, and DELETE answers 405.',
      ].join(' '),
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: components,
    },
  };
}
