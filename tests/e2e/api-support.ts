// Helpers for the REST API tests: an API client over Playwright's `request` fixture that checks every answer
// against the OpenAPI document the server publishes (the contract test), and a small JSON Schema validator
// for the subset zod's z.toJSONSchema emits.
import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;
export type OpenApiDocument = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, Schema> };
};

// ------------------------------------------------------------------------------------ JSON Schema

const formats: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  email: /^[^@\s]+@[^@\s]+$/,
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return typeOf(value) === 'object';
    default:
      return typeOf(value) === type;
  }
}

function resolveRef(root: unknown, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
  let current: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    current = (current as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (!current || typeof current !== 'object') throw new Error(`Unresolvable $ref ${ref}`);
  return current as Schema;
}

/**
 * The ways `value` breaks `schema` (empty when it conforms). Supports $ref, anyOf/oneOf/allOf, type, const,
 * enum, properties/required/additionalProperties, items, string length/pattern/format, number ranges.
 */
export function validateSchema(schema: Schema, value: unknown, root: unknown, path = '$'): string[] {
  if (typeof schema.$ref === 'string') return validateSchema(resolveRef(root, schema.$ref), value, root, path);
  const errors: string[] = [];
  if (Array.isArray(schema.allOf))
    for (const member of schema.allOf as Schema[]) errors.push(...validateSchema(member, value, root, path));
  if (Array.isArray(schema.anyOf)) {
    const results = (schema.anyOf as Schema[]).map((member) => validateSchema(member, value, root, path));
    if (!results.some((result) => result.length === 0))
      errors.push(`${path}: matches none of anyOf (${results.map((r) => r[0]).join(' / ')})`);
  }
  if (Array.isArray(schema.oneOf)) {
    const passing = (schema.oneOf as Schema[]).filter(
      (member) => validateSchema(member, value, root, path).length === 0,
    ).length;
    if (passing !== 1) errors.push(`${path}: matches ${passing} of oneOf, expected exactly 1`);
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => matchesType(type, value))) {
      errors.push(`${path}: expected ${types.join('|')}, got ${typeOf(value)} ${JSON.stringify(value)?.slice(0, 60)}`);
      return errors;
    }
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value))
    errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength)
      errors.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength)
      errors.push(`${path}: longer than ${schema.maxLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      errors.push(`${path}: does not match ${schema.pattern}`);
    const format = typeof schema.format === 'string' ? formats[schema.format] : undefined;
    if (format && !format.test(value)) errors.push(`${path}: not a ${String(schema.format)}: ${value}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
      errors.push(`${path}: not above ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum)
      errors.push(`${path}: not below ${schema.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      errors.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items && typeof schema.items === 'object') {
      value.forEach((item, index) =>
        errors.push(...validateSchema(schema.items as Schema, item, root, `${path}[${index}]`)),
      );
    }
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) {
      if (!(name in object)) errors.push(`${path}: missing required "${name}"`);
    }
    for (const [name, inner] of Object.entries(object)) {
      if (properties[name]) errors.push(...validateSchema(properties[name], inner, root, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property "${name}"`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        errors.push(...validateSchema(schema.additionalProperties as Schema, inner, root, `${path}.${name}`));
      }
    }
  }
  return errors;
}

// ------------------------------------------------------------------------------------ the client

let documentPromise: Promise<OpenApiDocument> | undefined;

export async function openApiDocument(request: APIRequestContext): Promise<OpenApiDocument> {
  documentPromise ??= request.get('/api/v1/openapi.json').then(async (response) => {
    expect(response.status()).toBe(200);
    return (await response.json()) as OpenApiDocument;
  });
  return documentPromise;
}

/** The operation of the document that serves a concrete path (`/api/v1/users/abc` → `/api/v1/users/{id}`). */
export function findOperation(document: OpenApiDocument, method: string, path: string) {
  const pathname = path.split('?')[0]!;
  for (const [template, operations] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(pathname)) return { template, operation: operations[method.toLowerCase()] };
  }
  return { template: undefined, operation: undefined };
}

export type ApiAnswer = { status: number; body: Json; headers: Record<string, string>; response: APIResponse };

/**
 * The contract check: the answer's status is one the document declares for the operation, its content type
 * matches, and its body validates against the declared schema. Operations the document does not have (DELETE)
 * must answer an RFC 9457 problem.
 */
export async function expectContract(request: APIRequestContext, method: string, path: string, answer: ApiAnswer) {
  const document = await openApiDocument(request);
  const { template, operation } = findOperation(document, method, path);
  const contentType = (answer.headers['content-type'] ?? '').split(';')[0]!.trim();
  const where = `${method} ${path} → ${answer.status}`;
  if (!operation) {
    expect(answer.status, `${where}: undocumented operations answer 404/405`).toBeGreaterThanOrEqual(404);
    expect(contentType, where).toBe('application/problem+json');
    expect(validateSchema({ $ref: '#/components/schemas/Problem' }, answer.body, document), where).toEqual([]);
    return;
  }
  const declared = operation.responses[String(answer.status)];
  expect(declared, `${where}: status not declared for ${method} ${template}`).toBeDefined();
  const media = declared!.content ?? {};
  if (Object.keys(media).length === 0) return;
  expect(Object.keys(media), `${where}: content type`).toContain(contentType);
  expect(validateSchema(media[contentType]!.schema, answer.body, document), where).toEqual([]);
}

export type CallOptions = {
  token?: string;
  json?: unknown;
  /** Sent as-is (for malformed JSON). */
  raw?: string;
  headers?: Record<string, string>;
  /** Skip the contract check (only for answers that are not from our API, e.g. a body the server never read). */
  unchecked?: boolean;
};

/** One API call; every answer is checked against the published document. */
export async function call(
  request: APIRequestContext,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let data: string | undefined;
  if (options.json !== undefined) data = JSON.stringify(options.json);
  if (options.raw !== undefined) data = options.raw;
  if (data !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await request.fetch(path, { method, headers, data, failOnStatusCode: false, maxRedirects: 0 });
  const text = await response.text();
  let body: Json = null;
  if (text !== '') {
    try {
      body = JSON.parse(text) as Json;
    } catch {
      body = text;
    }
  }
  const answer: ApiAnswer = { status: response.status(), body, headers: response.headers(), response };
  if (!options.unchecked) await expectContract(request, method, path, answer);
  return answer;
}

/** `call` with a bearer token and a JSON body, the usual request of these tests. */
export function send(request: APIRequestContext, method: string, path: string, token: string, json: unknown) {
  return call(request, method, path, { token, json });
}

export async function tokenFor(request: APIRequestContext, who: { email: string; password: string }): Promise<string> {
  const answer = await call(request, 'POST', '/api/v1/auth/token', {
    json: { email: who.email, password: who.password },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return (answer.body as { access_token: string }).access_token;
}

export function uniqueEmail(prefix = 'api'): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@test.example`;
}

export const NEW_PASSWORD = 'api-test-password-1';

/** A fresh user created through the API by the admin, with their password. */
export async function createUserViaApi(
  request: APIRequestContext,
  adminToken: string,
  fields: { role?: 'admin' | 'worker'; name?: string; email?: string } = {},
) {
  const email = fields.email ?? uniqueEmail(fields.role ?? 'worker');
  const answer = await send(request, 'POST', '/api/v1/users', adminToken, {
    name: fields.name ?? 'Sam Apitest',
    email,
    role: fields.role ?? 'worker',
    password: NEW_PASSWORD,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { ...(answer.body as { id: string; email: string; name: string; role: string }), password: NEW_PASSWORD };
}

export function problem(answer: ApiAnswer) {
  return answer.body as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: Record<string, string[]>;
  };
}
