// The OpenAPI 3.1 document of REST API v1, generated from the same zod schemas the handlers use. zod 4 turns
// them into JSON Schema: the registered response schemas (components.ts) in one registry conversion whose
// references are `#/components/schemas/<id>`, the request bodies and queries (the data layer's camelCase
// input schemas) inline. Property names are then renamed to the API's snake_case.
import { z } from 'zod';
import { jsonSchemaToSnake } from './casing';
import { apiComponents } from './components';
import { statusTitle } from './problem';
import { API_DEFAULT_LIMIT, API_MAX_LIMIT, pathParameters, type ApiRouteSpec } from './route-spec';
import { problemDto } from './specs/problem';

type JsonSchema = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';

const conversion = {
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
} satisfies z.core.ToJSONSchemaParams;

/** Every registered response schema as a component, its nested components as $refs. */
function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiComponents, {
    ...conversion,
    io: 'output',
    uri: (id) => COMPONENTS + id,
  });
  if ('__shared' in schemas) throw new Error('A schema shared by components is neither inline nor registered.');
  const components: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // zod names each one with `$id: uri(id)`; a fragment is no valid `$id` in 2020-12, and the place says it.
    const { $schema: _dialect, $id: _uri, ...rest } = schema as JsonSchema;
    components[id] = jsonSchemaToSnake(rest);
  }
  return components;
}

/** A request body or query schema, inline, with snake_case property names. */
function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { ...conversion, io: 'input' }) as JsonSchema;
  if (json.$defs) throw new Error('A request schema with shared definitions: register them as components.');
  return jsonSchemaToSnake(json);
}

function responseSchema(schema: z.ZodType): JsonSchema {
  const id = apiComponents.get(schema)?.id;
  if (!id) throw new Error('A response schema must be registered as a component (components.ts).');
  return { $ref: COMPONENTS + id };
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

const errorDescriptions: Record<number, string> = {
  400: 'Malformed JSON, JSON nested deeper than 32 levels, or a body that is not a JSON object.',
  401: 'Missing, invalid, expired or revoked bearer token (or wrong credentials).',
  403: 'Your role may not do this.',
  404: 'Not found (or not visible to you).',
  409: 'Conflict with the current state.',
  413: 'Request body over 1 MB.',
  415: 'The body is not sent as `Content-Type: application/json`.',
  422: 'Validation failed: see `errors`.',
  503: 'Busy for a moment: try again after `Retry-After` seconds.',
};

/** The error statuses an operation can answer, automatic ones included. */
export function errorStatuses(spec: ApiRouteSpec): number[] {
  const statuses = new Set<number>(spec.errors ?? []);
  if (spec.auth !== false) statuses.add(401);
  if (spec.role) statuses.add(403);
  if (spec.body) [400, 413, 415, 422].forEach((status) => statuses.add(status));
  if (spec.query) statuses.add(422);
  if (spec.path.includes('{')) statuses.add(404);
  return [...statuses].sort((a, b) => a - b);
}

function queryParameters(spec: ApiRouteSpec): JsonSchema[] {
  if (!spec.query) return [];
  const json = inputSchema(spec.query);
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

function operation(spec: ApiRouteSpec): JsonSchema {
  const status = spec.status ?? 200;
  const responses: Record<string, unknown> = {};
  if (status === 204 || !spec.response) {
    responses[String(status)] = { description: statusTitle(status) };
  } else {
    const item = responseSchema(spec.response);
    responses[String(status)] = {
      description: statusTitle(status),
      content: {
        'application/json': { schema: spec.list ? listEnvelope(item) : item },
        ...(spec.csv ? { 'text/csv': { schema: { type: 'string', description: 'With `format=csv`.' } } } : {}),
      },
    };
  }
  for (const error of errorStatuses(spec)) {
    responses[String(error)] = {
      description: errorDescriptions[error] ?? statusTitle(error),
      content: { 'application/problem+json': { schema: responseSchema(problemDto) } },
    };
  }
  const parameters = [
    ...pathParameters(spec.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...queryParameters(spec),
  ];
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    ...(spec.auth === false ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: !spec.optionalBody,
            content: { 'application/json': { schema: inputSchema(spec.body) } },
          },
        }
      : {}),
    responses,
  };
}

/** Problem first, then in the order the paths first mention them (the docs page lists them so). */
function inReadingOrder(components: Record<string, JsonSchema>, paths: unknown): Record<string, JsonSchema> {
  const mentioned = [...JSON.stringify(paths).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
  const order = [...new Set(['Problem', ...mentioned, ...Object.keys(components)])];
  return Object.fromEntries(order.filter((id) => components[id]).map((id) => [id, components[id]!]));
}

/** The whole OpenAPI 3.1 document for the given routes. */
export function buildOpenApiDocument(routes: readonly ApiRouteSpec[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) (paths[spec.path] ??= {})[spec.method.toLowerCase()] = operation(spec);
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
      schemas: inReadingOrder(componentSchemas(), paths),
    },
  };
}
