// The API wrapper in-process against a real database: token checks the HTTP tests cannot reach (expired,
// forged, wrong algorithm), the one place errors are mapped (500 without a stack, untranslated database
// refusals), and the users routes through the same handlers Next serves.
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { apiHandler } from '@/app/api/v1/_lib/define-route';
import { queryFromSearchParams } from '@/app/api/v1/_lib/query';
import { listUsersInput } from '@/db/users';
import { callRoute, tokenFor } from './api-support';
import { createUser } from './support';

process.env.AUTH_SECRET ??= 'integration-secret-0123456789abcdef0123456789';

const me = () => import('@/app/api/v1/me/route');
const users = () => import('@/app/api/v1/users/route');
const user = () => import('@/app/api/v1/users/[id]/route');

function apiKey(): Uint8Array {
  return new Uint8Array(createHmac('sha256', process.env.AUTH_SECRET!).update('api-token').digest());
}

async function signed(
  claims: Record<string, unknown>,
  options: { expiresIn?: string | number; audience?: string } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('workshop-erp')
    .setAudience(options.audience ?? 'workshop-erp-api')
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime(options.expiresIn ?? '15m')
    .sign(apiKey());
}

describe('bearer tokens', () => {
  it('accepts a fresh token and refuses an expired, forged, mis-addressed or unsigned one', async () => {
    const worker = await createUser('worker');
    const good = await tokenFor(worker);
    expect((await callRoute(await me(), 'GET', '/api/v1/me', { token: good })).body).toMatchObject({
      id: worker.id,
      role: 'worker',
    });

    const expired = await signed({ sub: worker.id, sv: 1 }, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const otherAudience = await signed({ sub: worker.id, sv: 1 }, { audience: 'somewhere-else' });
    const staleVersion = await signed({ sub: worker.id, sv: 99 });
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: worker.id, sv: 1, iss: 'workshop-erp', aud: 'workshop-erp-api', exp: 9999999999, iat: 1 }),
    ).toString('base64url')}.`;
    for (const token of [expired, otherAudience, staleVersion, unsigned]) {
      const answer = await callRoute(await me(), 'GET', '/api/v1/me', { token });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
  });
});

describe('the API wrapper', () => {
  it('answers an unexpected failure with a generic 500 that leaks no stack, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handler = apiHandler(
      { method: 'GET', path: '/api/v1/boom', operationId: 'boom', summary: 'Boom', tag: 'Test', auth: false },
      () => {
        throw new Error('secret internals at /work/main/db/something.ts:12');
      },
    );
    const response = await handler(new Request('http://localhost/api/v1/boom'), { params: Promise.resolve({}) });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const text = await response.text();
    expect(text).not.toMatch(/secret|\.ts|at /);
    expect(JSON.parse(text)).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('answers a body cut off mid-way (the client went away) with a 400, not a logged 500', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let called = false;
    const handler = apiHandler(
      {
        method: 'POST',
        path: '/api/v1/cut',
        operationId: 'cut',
        summary: 'Cut',
        tag: 'Test',
        auth: false,
        body: listUsersInput,
      },
      () => {
        called = true;
      },
    );
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name": "hal'));
      },
      pull(controller) {
        controller.error(new Error('aborted'));
      },
    });
    const request = new Request('http://localhost/api/v1/cut', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/connection closed/);
    expect(called).toBe(false);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('turns a database refusal the data layer forgot to translate into a 409, not a 500', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handler = apiHandler(
      { method: 'POST', path: '/api/v1/dup', operationId: 'dup', summary: 'Dup', tag: 'Test', auth: false },
      () => {
        throw Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'some_key' });
      },
    );
    const response = await handler(new Request('http://localhost/api/v1/dup', { method: 'POST' }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(409);
    warn.mockRestore();
  });

  it('reads query strings in the data layer’s words and types', () => {
    const params = new URLSearchParams('q=ann&include_inactive=false&limit=10&cursor=&unknown=1');
    expect(queryFromSearchParams(listUsersInput, params, true)).toEqual({
      q: 'ann',
      includeInactive: false,
      limit: 10,
    });
    expect(queryFromSearchParams(listUsersInput, new URLSearchParams(''), true)).toEqual({ limit: 25 });
    expect(queryFromSearchParams(listUsersInput, new URLSearchParams('limit=ten'), true)).toEqual({ limit: 'ten' });
  });
});

describe('users over the API handlers', () => {
  it('lets an admin create, read and deactivate a user, and refuses a worker with 403', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    const adminToken = await tokenFor(admin);

    const created = await callRoute(await users(), 'POST', '/api/v1/users', {
      token: adminToken,
      json: {
        name: 'Dana Diesel',
        email: `dana-${Date.now()}@test.example`,
        role: 'worker',
        password: 'long-enough-1',
      },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect(created.body).toMatchObject({
      name: 'Dana Diesel',
      active: true,
      deactivated_at: null,
      created_at: expect.any(String),
    });

    const read = await callRoute(await user(), 'GET', `/api/v1/users/${id}`, { token: adminToken, params: { id } });
    expect(read.body).toEqual(created.body);

    const invalid = await callRoute(await user(), 'PATCH', `/api/v1/users/${id}`, {
      token: adminToken,
      params: { id },
      json: { email: 'nope' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ errors: { email: ['Enter a valid email address.'] } });

    const refused = await callRoute(await users(), 'GET', '/api/v1/users', { token: await tokenFor(worker) });
    expect(refused.status).toBe(403);

    const gone = await callRoute(await user(), 'DELETE', `/api/v1/users/${id}`, { token: adminToken, params: { id } });
    expect(gone.status).toBe(405);
    expect(gone.headers.get('allow')).toBe('GET, PATCH, HEAD, OPTIONS');
  });
});

describe('routes an admin role guards', () => {
  const payments = () => import('@/app/api/v1/invoices/[id]/payments/route');
  const invoice = () => import('@/app/api/v1/jobs/[id]/invoice/route');
  const someId = '00000000-0000-4000-8000-000000000000';

  it('tell a mechanic 403 before looking at what they sent: broken JSON, wrong fields or a huge body', async () => {
    const worker = await createUser('worker');
    const token = await tokenFor(worker);
    const params = { id: someId };
    const attempts = [
      callRoute(await payments(), 'POST', `/api/v1/invoices/${someId}/payments`, { token, params, raw: '{"amount' }),
      callRoute(await payments(), 'POST', `/api/v1/invoices/${someId}/payments`, {
        token,
        params,
        json: { amount_cents: -5, method: 'barter' },
      }),
      callRoute(await invoice(), 'POST', `/api/v1/jobs/${someId}/invoice`, {
        token,
        params,
        raw: JSON.stringify({ lines: ['x'.repeat(2 * 1024 * 1024)] }),
      }),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ status: 403, detail: 'Only an admin can do that.' });
      expect(answer.body).not.toHaveProperty('errors');
    }
  });

  it('still read and check the body for an admin', async () => {
    const admin = await createUser('admin');
    const answer = await callRoute(await payments(), 'POST', `/api/v1/invoices/${someId}/payments`, {
      token: await tokenFor(admin),
      params: { id: someId },
      json: { amount_cents: -5, method: 'cash' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ errors: { amount_cents: expect.any(Array) } });
  });
});
