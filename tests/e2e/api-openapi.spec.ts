// The published OpenAPI document: 3.1, every served route listed (and nothing listed that is not served),
// schemas that resolve, and a readable docs page at /api/docs.
import { expect, test } from '@playwright/test';
import { call, findOperation, openApiDocument, tokenFor, validateSchema } from './api-support';
import { demo } from './support';

const implemented: [string, string][] = [
  ['POST', '/api/v1/auth/token'],
  ['GET', '/api/v1/me'],
  ['GET', '/api/v1/users'],
  ['POST', '/api/v1/users'],
  ['GET', '/api/v1/users/{id}'],
  ['PATCH', '/api/v1/users/{id}'],
  ['POST', '/api/v1/users/{id}/deactivate'],
  ['POST', '/api/v1/users/{id}/reactivate'],
  ['POST', '/api/v1/users/{id}/reset-password'],
  ['GET', '/api/v1/openapi.json'],
];

test('openapi.json is an OpenAPI 3.1 document that lists every route', async ({ request }) => {
  const answer = await call(request, 'GET', '/api/v1/openapi.json');
  expect(answer.status).toBe(200);
  expect(answer.headers['content-type']).toContain('application/json');
  const document = await openApiDocument(request);
  expect(document.openapi).toMatch(/^3\.1\.\d+$/);
  expect(document.components.securitySchemes?.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  for (const [method, path] of implemented) {
    const operation = document.paths[path]?.[method.toLowerCase()];
    expect(operation, `${method} ${path}`).toBeDefined();
    expect(operation!.operationId).toEqual(expect.any(String));
  }
  // Every $ref resolves.
  for (const [, name] of JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
    expect(document.components.schemas[name!], name).toBeDefined();
  }
  // Request bodies are documented in the API's snake_case words.
  const createUser = document.paths['/api/v1/users']!.post as unknown as {
    requestBody: {
      content: { 'application/json': { schema: { properties: Record<string, unknown>; required: string[] } } };
    };
  };
  expect(Object.keys(createUser.requestBody.content['application/json'].schema.properties).sort()).toEqual([
    'email',
    'name',
    'password',
    'role',
  ]);
  const user = document.components.schemas.User as { properties: Record<string, unknown> };
  expect(Object.keys(user.properties)).toEqual(expect.arrayContaining(['deactivated_at', 'created_at']));
  expect(Object.keys(user.properties)).not.toContain('password_hash');
});

test('every documented path is served with exactly the documented methods', async ({ request }) => {
  const document = await openApiDocument(request);
  const adminToken = await tokenFor(request, demo.admin);
  for (const [template, operations] of Object.entries(document.paths)) {
    const path = template.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
    const response = await request.fetch(path, {
      method: 'OPTIONS',
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    expect(response.status(), template).toBeLessThan(300);
    const allowed = (response.headers().allow ?? '')
      .split(',')
      .map((method) => method.trim())
      .filter((method) => !['HEAD', 'OPTIONS'].includes(method));
    expect(allowed.sort(), template).toEqual(
      Object.keys(operations)
        .map((method) => method.toUpperCase())
        .sort(),
    );
  }
});

test('the contract validator catches answers that break the schema', async ({ request }) => {
  // Guards the contract check itself: a wrong answer must fail it.
  const document = await openApiDocument(request);
  const { operation } = findOperation(document, 'GET', '/api/v1/users/abc');
  const schema = operation!.responses['200']!.content!['application/json']!.schema;
  const good = {
    id: '00000000-0000-4000-8000-000000000000',
    email: 'a@b.example',
    name: 'A',
    role: 'worker',
    active: true,
    deactivated_at: null,
    created_at: '2024-01-02T03:04:05.000Z',
  };
  expect(validateSchema(schema, good, document)).toEqual([]);
  expect(validateSchema(schema, { ...good, role: 'boss' }, document)).not.toEqual([]);
  expect(validateSchema(schema, { ...good, password_hash: 'x' }, document)).not.toEqual([]);
  expect(validateSchema(schema, { ...good, createdAt: good.created_at, created_at: undefined }, document)).not.toEqual(
    [],
  );
  expect(validateSchema(schema, { ...good, active: 'yes' }, document)).not.toEqual([]);
});

test('the docs page at /api/docs lists every path and method in readable HTML', async ({ request, page }) => {
  const document = await openApiDocument(request);
  const response = await request.get('/api/docs');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/html');
  const html = await response.text();
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+https?:\/\//);
  for (const path of Object.keys(document.paths)) expect(html).toContain(path);

  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Workshop ERP API');
  await expect(page.getByRole('heading', { name: 'POST /api/v1/auth/token' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'GET /api/v1/users/{id}' })).toBeVisible();
  await expect(page.getByRole('link', { name: '/api/v1/openapi.json', exact: true })).toBeVisible();
});
