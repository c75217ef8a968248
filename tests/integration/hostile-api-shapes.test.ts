// Issue 13, items 9 and 10 (the API side): bodies nested deeper than 32 levels are 400, a body that is not sent as
// JSON is 415, and a key that names an object prototype (`__proto__`, `constructor`, `prototype`), in a body or a
// query string, is refused on that field and writes nothing.
import { describe, expect, it } from 'vitest';
import * as customersRoute from '@/app/api/v1/customers/route';
import * as archiveRoute from '@/app/api/v1/customers/[id]/archive/route';
import { keysToCamel } from '@/app/api/v1/_lib/casing';
import { callRoute, tokenFor } from './api-support';
import { auditEventsSince, createCustomerWithVehicle, createUser, lastAuditId } from './support';

async function admin() {
  const user = await createUser('admin');
  return { user, token: await tokenFor(user) };
}

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('a hostile API body shape is refused before it reaches the data layer', () => {
  it('a customer body nested 33 levels deep is a 400, and 32 levels is judged on its fields', async () => {
    const { user, token } = await admin();
    const before = await lastAuditId();
    const deep = await callRoute(customersRoute, 'POST', '/api/v1/customers', {
      token,
      raw: `{"name": ${nested(32)}}`,
    });
    expect(deep.status).toBe(400);
    expect(deep.headers.get('content-type')).toContain('application/problem+json');
    expect((deep.body as { detail: string }).detail).toMatch(/nested deeper than 32/);
    const allowed = await callRoute(customersRoute, 'POST', '/api/v1/customers', {
      token,
      raw: `{"name": "Deep Ltd", "notes": "x", "email": ${nested(31)}}`,
    });
    expect(allowed.status).toBe(422);
    expect(await auditEventsSince(before).then((rows) => rows.filter((row) => row.actorId === user.id))).toEqual([]);
  });

  it('a body nested a hundred thousand levels deep is a 400, not a server error', async () => {
    const { token } = await admin();
    const answer = await callRoute(customersRoute, 'POST', '/api/v1/customers', {
      token,
      raw: `{"name": ${nested(100_000)}}`,
    });
    expect(answer.status).toBe(400);
  });

  it('brackets inside strings do not count as nesting', async () => {
    const { token } = await admin();
    const answer = await callRoute(customersRoute, 'POST', '/api/v1/customers', {
      token,
      json: { name: `Brackets ${'[{'.repeat(50)} "quoted" \\ Ltd` },
    });
    expect(answer.status).toBe(201);
  });

  it('a customer posted as text/plain or as a form is a 415 and nothing is saved', async () => {
    const { user, token } = await admin();
    const before = await lastAuditId();
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await callRoute(customersRoute, 'POST', '/api/v1/customers', {
        token,
        raw: JSON.stringify({ name: 'Plain Text Garage' }),
        headers: { 'Content-Type': contentType },
      });
      expect(answer.status, contentType).toBe(415);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    const missing = await customersRoute.POST(
      new Request('http://localhost/api/v1/customers', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: new Blob([JSON.stringify({ name: 'No Type Garage' })]),
      }),
      { params: Promise.resolve({}) },
    );
    expect(missing.status).toBe(415);
    const json = await callRoute(customersRoute, 'POST', '/api/v1/customers', {
      token,
      raw: JSON.stringify({ name: 'Charset Garage' }),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
    expect(json.status).toBe(201);
    const saved = (await auditEventsSince(before)).filter((row) => row.actorId === user.id);
    expect(saved).toHaveLength(1);
  });

  it('archiving a customer with a form body is a 415; with no body it works', async () => {
    const { user, token } = await admin();
    const { customer } = await createCustomerWithVehicle(user);
    const path = `/api/v1/customers/${customer.id}/archive`;
    const form = await callRoute(archiveRoute, 'POST', path, {
      token,
      raw: 'archived=1',
      params: { id: customer.id },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const plain = await callRoute(archiveRoute, 'POST', path, { token, params: { id: customer.id } });
    expect(plain.status).toBe(200);
  });
});

describe('nobody can reach an object prototype through the API', () => {
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`a customer body with a "${key}" key is refused on that field and nothing is saved`, async () => {
      const { user, token } = await admin();
      const before = await lastAuditId();
      const answer = await callRoute(customersRoute, 'POST', '/api/v1/customers', {
        token,
        raw: `{"name": "Proto Garage", "${key}": {"name": "Injected", "is_admin": true}}`,
      });
      expect(answer.status).toBe(422);
      expect((answer.body as { errors: Record<string, string[]> }).errors).toHaveProperty([key]);
      expect((await auditEventsSince(before)).filter((row) => row.actorId === user.id)).toEqual([]);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }

  it('a nested "__proto__" key is refused with its path', async () => {
    const { token } = await admin();
    const answer = await callRoute(customersRoute, 'POST', '/api/v1/customers', {
      token,
      raw: '{"name": "Nested Proto", "address": {"__proto__": {"polluted": 1}}}',
    });
    expect(answer.status).toBe(422);
    expect((answer.body as { errors: Record<string, string[]> }).errors).toHaveProperty(['address.__proto__']);
  });

  it('a customer list asked with a "__proto__" or "constructor" parameter is refused on it', async () => {
    const { token } = await admin();
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const answer = await callRoute(customersRoute, 'GET', `/api/v1/customers?${name}=1&q=a`, { token });
      expect(answer.status, name).toBe(422);
      expect((answer.body as { errors: Record<string, string[]> }).errors).toHaveProperty([name]);
    }
  });

  it('the camelCase copy of a body has no prototype', () => {
    const copy = keysToCamel({ unit_price_cents: 1, lines: [{ kind_of: 'part' }] }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.getPrototypeOf((copy.lines as object[])[0])).toBeNull();
    expect(copy).toEqual({ unitPriceCents: 1, lines: [{ kindOf: 'part' }] });
  });
});
