// The route registry, the route files and the OpenAPI document agree: every route file's methods have a spec,
// every spec has a route file, DELETE answers 405 everywhere, and the document is OpenAPI 3.1 with every route.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRoutes, openApiDocument } from '@/app/api/v1/_lib/specs';

const root = path.resolve(import.meta.dirname, '../..');
const v1 = path.join(root, 'app/api/v1');

function routeFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/** app/api/v1/users/[id]/route.ts → /api/v1/users/{id} */
function templateOf(file: string): string {
  const relative = path.relative(path.join(root, 'app'), path.dirname(file)).split(path.sep).join('/');
  return `/${relative}`.replace(/\[([^\].]+)\]/g, '{$1}');
}

// The public approval endpoints (app/api/public) are specs of the same registry.
const files = [...routeFiles(v1), ...routeFiles(path.join(root, 'app/api/public'))].filter(
  (file) => !file.includes('[...'),
);

describe('the API route registry', () => {
  it('has a route file for every path it documents, and a spec for every route file', () => {
    const documented = new Set(apiRoutes.map((route) => route.path));
    const served = new Set(files.map(templateOf));
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it('loads every route file (a handler without a spec, or a spec without a handler, throws) and refuses DELETE with 405', async () => {
    for (const file of files) {
      const routeModule = (await import(file)) as Record<
        string,
        (request: Request, context: unknown) => Promise<Response>
      >;
      const template = templateOf(file);
      for (const name of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
        expect(typeof routeModule[name], `${name} of ${template}`).toBe('function');
      const url = `http://localhost${template.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')}`;
      const response = await routeModule.DELETE!(new Request(url, { method: 'DELETE' }), {
        params: Promise.resolve({}),
      });
      expect(response.status, `DELETE ${template}`).toBe(405);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const allow = response.headers.get('allow') ?? '';
      const methods = apiRoutes.filter((route) => route.path === template).map((route) => route.method);
      for (const method of methods) expect(allow).toContain(method);
      expect(allow).not.toContain('DELETE');
    }
  });

  it('has one operation id per operation and no duplicate method on a path', () => {
    const ids = apiRoutes.map((route) => route.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = apiRoutes.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the OpenAPI document', () => {
  const document = openApiDocument() as {
    openapi: string;
    paths: Record<
      string,
      Record<string, { operationId: string; responses: Record<string, unknown>; requestBody?: unknown }>
    >;
    components: { schemas: Record<string, unknown> };
  };

  it('is OpenAPI 3.1 and lists every route of the registry', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    for (const route of apiRoutes) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation!.operationId).toBe(route.operationId);
      expect(Object.keys(operation!.responses)).toContain(String(route.status ?? 200));
    }
    expect(document.paths['/api/v1/users']?.delete).toBeUndefined();
  });

  it('speaks snake_case in every schema and resolves every $ref', () => {
    const text = JSON.stringify(document);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      expect(document.components.schemas[name!], name).toBeDefined();
    }
    const propertyNames: string[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'properties' && inner && typeof inner === 'object') propertyNames.push(...Object.keys(inner));
          walk(inner);
        }
      }
    };
    walk(document.paths);
    walk(document.components.schemas);
    expect(propertyNames.length).toBeGreaterThan(10);
    for (const name of propertyNames) expect(name).toMatch(/^[a-z_][a-z0-9_]*$/);
    const createUser = document.paths['/api/v1/users']!.post!.requestBody as {
      content: { 'application/json': { schema: { required: string[] } } };
    };
    expect(createUser.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['name', 'email', 'role', 'password']),
    );
  });
});

describe('the document’s components and roles', () => {
  const document = openApiDocument() as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, Record<string, unknown>> };
  };

  /** Every `$ref` value and every `$defs` key anywhere under `value`. */
  function references(value: unknown, found = { refs: [] as string[], defs: 0 }) {
    if (Array.isArray(value)) value.forEach((item) => references(item, found));
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string') found.refs.push(inner);
        if (key === '$defs' || key === 'definitions') found.defs++;
        references(inner, found);
      }
    }
    return found;
  }

  it('refers to every component as #/components/schemas/… and to nothing else', () => {
    const { refs, defs } = references(document);
    expect(defs).toBe(0);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of refs) expect(ref).toMatch(/^#\/components\/schemas\/[A-Za-z]+$/);
    const referenced = new Set(refs.map((ref) => ref.slice('#/components/schemas/'.length)));
    expect([...referenced].sort()).toEqual(Object.keys(document.components.schemas).sort());
    // A component inside another is a reference too: the token answer's user is the Me schema.
    const token = document.components.schemas.Token as { properties: Record<string, unknown> };
    expect(token.properties.user).toEqual({ $ref: '#/components/schemas/Me' });
  });

  it('documents a 403 for every operation whose spec needs the admin role', () => {
    const adminOnly = apiRoutes.filter((route) => route.role === 'admin');
    expect(adminOnly.map((route) => route.operationId)).toEqual(
      expect.arrayContaining(['listUsers', 'issueInvoice', 'recordPayment', 'listAuditEvents', 'archiveVehicle']),
    );
    for (const route of adminOnly) {
      const responses = document.paths[route.path]![route.method.toLowerCase()]!.responses;
      expect(responses['403'], `${route.method} ${route.path}`).toMatchObject({
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      });
    }
    // An operation open to every role lists 403 only when its spec says the data layer may refuse.
    const listJobs = document.paths['/api/v1/jobs']!.get!.responses;
    expect(listJobs['403']).toBeUndefined();
  });
});
