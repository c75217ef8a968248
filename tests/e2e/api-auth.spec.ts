// REST API v1 over HTTP against the production build: tokens, /me, and the error classes every endpoint shares.
// Every answer is checked against the OpenAPI document the server publishes (tests/e2e/api-support.ts).
import { expect, test } from '@playwright/test';
import { call, problem, tokenFor } from './api-support';
import { demo } from './support';

test('an integration exchanges the admin’s email and password for a bearer token and reads /me', async ({
  request,
}) => {
  const answer = await call(request, 'POST', '/api/v1/auth/token', {
    json: { email: demo.admin.email, password: demo.admin.password },
  });
  expect(answer.status).toBe(200);
  const body = answer.body as {
    access_token: string;
    token_type: string;
    expires_in: number;
    user: Record<string, unknown>;
  };
  expect(body.token_type).toBe('Bearer');
  expect(body.expires_in).toBe(900);
  expect(body.access_token.split('.')).toHaveLength(3);
  expect(body.user).toEqual({ id: expect.any(String), email: demo.admin.email, name: demo.admin.name, role: 'admin' });

  const me = await call(request, 'GET', '/api/v1/me', { token: body.access_token });
  expect(me.status).toBe(200);
  expect(me.body).toEqual(body.user);
});

test('a wrong password and an unknown email both get 401 as a problem', async ({ request }) => {
  for (const credentials of [
    { email: demo.admin.email, password: 'not-the-password' },
    { email: 'nobody-here@example.com', password: 'whatever-password' },
  ]) {
    const answer = await call(request, 'POST', '/api/v1/auth/token', { json: credentials });
    expect(answer.status).toBe(401);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(problem(answer)).toMatchObject({
      type: expect.any(String),
      title: 'Unauthorized',
      status: 401,
      detail: 'Wrong email or password.',
    });
    expect(JSON.stringify(answer.body)).not.toContain('access_token');
  }
  const missing = await call(request, 'POST', '/api/v1/auth/token', { json: { email: demo.admin.email } });
  expect(missing.status).toBe(422);
  expect(problem(missing).errors?.password).toBeDefined();
});

test('/me without a token, with garbage, or with a tampered token is 401 with a Bearer challenge', async ({
  request,
}) => {
  const token = await tokenFor(request, demo.worker);
  const [header, payload, signature] = token.split('.');
  const forgedPayload = Buffer.from(
    JSON.stringify({
      ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
      sub: '00000000-0000-4000-8000-000000000000',
    }),
  ).toString('base64url');
  const headerSets: Record<string, string>[] = [
    {},
    { Authorization: 'Bearer not-a-token' },
    { Authorization: `Bearer ${header}.${forgedPayload}.${signature}` },
    { Authorization: `Basic ${Buffer.from(`${demo.worker.email}:${demo.worker.password}`).toString('base64')}` },
  ];
  for (const headers of headerSets) {
    const answer = await call(request, 'GET', '/api/v1/me', { headers });
    expect(answer.status, JSON.stringify(headers)).toBe(401);
    expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(problem(answer).status).toBe(401);
  }
  const me = await call(request, 'GET', '/api/v1/me', { token });
  expect(me.status).toBe(200);
  expect((me.body as { role: string }).role).toBe('worker');
});

test('malformed JSON and a body that is not an object are 400, never a 500', async ({ request }) => {
  const adminToken = await tokenFor(request, demo.admin);
  for (const raw of ['{"email": ', 'not json at all', '']) {
    const answer = await call(request, 'POST', '/api/v1/auth/token', { raw });
    expect(answer.status, raw).toBe(400);
    expect(problem(answer).title).toBe('Bad Request');
  }
  const broken = await call(request, 'POST', '/api/v1/users', { token: adminToken, raw: '{"name": "Pat", "email":' });
  expect(broken.status).toBe(400);
  expect(problem(broken).detail).toMatch(/JSON/);
  for (const raw of ['[1, 2]', '"text"', 'null', '42']) {
    const answer = await call(request, 'POST', '/api/v1/users', { token: adminToken, raw });
    expect(answer.status, raw).toBe(400);
  }
});

test('a body over 1 MB is 413, announced by Content-Length or streamed without one', async ({ request, baseURL }) => {
  const adminToken = await tokenFor(request, demo.admin);
  const big = JSON.stringify({
    name: 'x'.repeat(1024 * 1024 + 10),
    email: 'big@test.example',
    role: 'worker',
    password: 'long-enough',
  });
  const announced = await call(request, 'POST', '/api/v1/users', { token: adminToken, raw: big });
  expect(announced.status).toBe(413);
  expect(problem(announced).title).toBe('Content Too Large');

  // Chunked transfer: no Content-Length, so the handler has to count the bytes it reads.
  const bytes = new TextEncoder().encode(big);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
        controller.enqueue(bytes.slice(offset, offset + 64 * 1024));
      controller.close();
    },
  });
  const response = await fetch(`${baseURL}/api/v1/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: stream,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  expect(response.status).toBe(413);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(((await response.json()) as { status: number }).status).toBe(413);
});

test('there is no DELETE: it answers 405 with an Allow header', async ({ request }) => {
  const adminToken = await tokenFor(request, demo.admin);
  const me = await call(request, 'GET', '/api/v1/me', { token: adminToken });
  const adminId = (me.body as { id: string }).id;
  const cases: [string, string][] = [
    ['/api/v1/users', 'GET, POST'],
    [`/api/v1/users/${adminId}`, 'GET, PATCH'],
    ['/api/v1/me', 'GET'],
    ['/api/v1/auth/token', 'POST'],
  ];
  for (const [path, allowed] of cases) {
    const answer = await call(request, 'DELETE', path, { token: adminToken });
    expect(answer.status, path).toBe(405);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    const allow = answer.headers.allow ?? '';
    for (const method of allowed.split(', ')) expect(allow, path).toContain(method);
    expect(allow).not.toContain('DELETE');
  }
  const put = await call(request, 'PUT', `/api/v1/users/${adminId}`, { token: adminToken, json: { name: 'x' } });
  expect(put.status).toBe(405);
  // The admin is still there.
  expect((await call(request, 'GET', `/api/v1/users/${adminId}`, { token: adminToken })).status).toBe(200);
});

test('an unknown API path answers a 404 problem, not an HTML page', async ({ request }) => {
  const answer = await call(request, 'GET', '/api/v1/no-such-thing');
  expect(answer.status).toBe(404);
  expect(answer.headers['content-type']).toContain('application/problem+json');
});
