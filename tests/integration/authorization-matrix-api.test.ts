// Walks every API cell of tests/authorization/matrix.ts by calling the route handlers directly (in-process,
// the same wrapper as over HTTP) with each caller's bearer token, and fails when a route exists that the table
// does not list. Tests/unit/api-routes.test.ts keeps the registry and the route files in step.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '@/app/api/v1/_lib/specs';
import { apiMatrix, callers, type Caller, type Outcome } from '../authorization/matrix';
import { callRoute, tokenFor } from './api-support';
import { createMatrixScene } from './matrix-support';
import { auditEventsSince, lastAuditId, TEST_PASSWORD, uniqueEmail } from './support';

async function makeFixture() {
  return createMatrixScene(async ({ people }) => ({
    tokens: {
      admin: await tokenFor(people.admin),
      assignedWorker: await tokenFor(people.assignedWorker),
      otherWorker: await tokenFor(people.otherWorker),
      deactivatedWorker: await tokenFor(people.deactivatedWorker),
    },
  }));
}

type Fixture = Awaited<ReturnType<typeof makeFixture>>;
type Request = { params?: Record<string, string>; path?: string; json?: unknown };

/** The path parameters and a valid body for each operation, so "allowed" means it really did its work. */
const requests: Record<string, (f: Fixture, caller: Caller) => Request> = {
  'POST /api/v1/auth/token': (f, caller) => ({
    json:
      caller === 'anonymous'
        ? { email: uniqueEmail('stranger'), password: TEST_PASSWORD }
        : { email: f.people[caller].email, password: TEST_PASSWORD },
  }),
  'GET /api/v1/openapi.json': () => ({}),
  'GET /api/v1/me': () => ({}),
  'GET /api/v1/users': () => ({}),
  'POST /api/v1/users': () => ({
    json: { name: 'API Mechanic', email: uniqueEmail('api'), role: 'worker', password: 'a-long-password' },
  }),
  'GET /api/v1/users/{id}': (f) => ({ params: { id: f.people.otherWorker.id } }),
  'PATCH /api/v1/users/{id}': (f) => ({ params: { id: f.people.otherWorker.id }, json: { name: 'Renamed Mechanic' } }),
  'POST /api/v1/users/{id}/deactivate': (f) => ({ params: { id: f.people.otherWorker.id } }),
  'POST /api/v1/users/{id}/reactivate': (f) => ({ params: { id: f.people.deactivatedWorker.id } }),
  'POST /api/v1/users/{id}/reset-password': (f) => ({
    params: { id: f.people.otherWorker.id },
    json: { password: 'another-long-password' },
  }),
  'GET /api/v1/customers': () => ({ path: '/api/v1/customers?q=Customer' }),
  'POST /api/v1/customers': () => ({ json: { kind: 'business', name: 'API Fleet Ltd' } }),
  'GET /api/v1/customers/{id}': (f) => ({ params: { id: f.customer.id } }),
  'PATCH /api/v1/customers/{id}': (f) => ({ params: { id: f.customer.id }, json: { phone: '555-0101' } }),
  'POST /api/v1/customers/{id}/archive': (f) => ({ params: { id: f.customer.id } }),
  'POST /api/v1/customers/{id}/unarchive': (f) => ({ params: { id: f.archived.customer.id } }),
  'GET /api/v1/vehicles': (f) => ({ path: `/api/v1/vehicles?customer_id=${f.customer.id}` }),
  'POST /api/v1/vehicles': (f) => ({ json: { customer_id: f.customer.id, make: 'Ford', model: 'Transit' } }),
  'GET /api/v1/vehicles/{id}': (f) => ({ params: { id: f.vehicle.id } }),
  'PATCH /api/v1/vehicles/{id}': (f) => ({ params: { id: f.vehicle.id }, json: { color: 'Blue' } }),
  'POST /api/v1/vehicles/{id}/archive': (f) => ({ params: { id: f.vehicle.id } }),
  'POST /api/v1/vehicles/{id}/unarchive': (f) => ({ params: { id: f.archived.vehicle.id } }),
  'GET /api/v1/jobs': () => ({ path: '/api/v1/jobs?assignee=me' }),
  'POST /api/v1/jobs': (f) => ({ json: { vehicle_id: f.vehicle.id, title: 'Oil leak' } }),
  'GET /api/v1/jobs/{id}': (f) => ({ params: { id: f.job.id } }),
  'PATCH /api/v1/jobs/{id}': (f) => ({
    params: { id: f.job.id },
    json: { version: f.job.version, title: 'Brakes squeal loudly' },
  }),
  'POST /api/v1/jobs/{id}/status': (f) => ({ params: { id: f.job.id }, json: { status: 'in_progress' } }),
  'PUT /api/v1/jobs/{id}/assignees': (f) => ({
    params: { id: f.job.id },
    json: { user_ids: [f.people.assignedWorker.id, f.people.otherWorker.id] },
  }),
  'GET /api/v1/jobs/{id}/history': (f) => ({ params: { id: f.job.id } }),
  'GET /api/v1/jobs/{id}/notes': (f) => ({ params: { id: f.job.id } }),
  'POST /api/v1/jobs/{id}/notes': (f) => ({ params: { id: f.job.id }, json: { body: 'Checked the pads.' } }),
  'POST /api/v1/jobs/{id}/invoice': (f) => ({
    params: { id: f.completed.id },
    json: { lines: [{ kind: 'labor', description: 'Service', quantity: 1.5, unit_price_cents: 12_000 }] },
  }),
  'GET /api/v1/invoices': () => ({ path: '/api/v1/invoices?payment_status=unpaid' }),
  'GET /api/v1/invoices/{id}': (f) => ({ params: { id: f.invoice.id } }),
  'POST /api/v1/invoices/{id}/payments': (f) => ({
    params: { id: f.invoice.id },
    json: { amount_cents: 5_000, method: 'cash' },
  }),
  'POST /api/v1/invoices/{id}/void': (f) => ({ params: { id: f.invoice.id }, json: { reason: 'Wrong battery' } }),
  'GET /api/v1/audit': (f) => ({ path: `/api/v1/audit?entity=jobs&entity_id=${f.job.id}` }),
  'POST /api/v1/jobs/{id}/estimates': (f) => ({
    params: { id: f.job.id },
    json: { lines: [{ kind: 'labor', description: 'Inspect', quantity: '0.5', unit_price_cents: 12_000 }] },
  }),
  'GET /api/v1/jobs/{id}/estimates': (f) => ({ params: { id: f.job.id } }),
  'GET /api/v1/estimates/{id}': (f) => ({ params: { id: f.estimates.draft.id } }),
  'PATCH /api/v1/estimates/{id}': (f) => ({
    params: { id: f.estimates.draft.id },
    json: { lines: [{ kind: 'fee', description: 'Diagnosis', quantity: 1, unit_price_cents: 5_000 }] },
  }),
  'POST /api/v1/estimates/{id}/send': (f) => ({ params: { id: f.estimates.draft.id } }),
  'POST /api/v1/estimates/{id}/revise': (f) => ({ params: { id: f.estimates.sent.id } }),
  'POST /api/v1/estimates/{id}/authorizations': (f) => ({
    params: { id: f.estimates.sent.id },
    json: { channel: 'phone', authorized_by: 'Ann Driver', approved_line_ids: [f.estimates.sent.lines[0]!.id] },
  }),
  'GET /api/public/approvals/{token}': (f) => ({ params: { token: f.estimates.token } }),
  'POST /api/public/approvals/{token}': (f) => ({
    params: { token: f.estimates.token },
    json: { approved_line_ids: [f.estimates.sent.lines[0]!.id], name: 'Ann Driver' },
  }),
  'GET /api/v1/parts': () => ({ path: '/api/v1/parts?q=brake&reorder=false' }),
  'POST /api/v1/parts': () => ({ json: { sku: `API-${uniqueEmail('p')}`, name: 'Spark plug', unit_price_cents: 800 } }),
  'GET /api/v1/parts/{id}': (f) => ({ params: { id: f.parts.part.id } }),
  'PATCH /api/v1/parts/{id}': (f) => ({ params: { id: f.parts.part.id }, json: { bin: 'A-3', reorder_point: '2' } }),
  'GET /api/v1/parts/{id}/movements': (f) => ({ params: { id: f.parts.part.id } }),
  'POST /api/v1/parts/{id}/adjustments': (f) => ({
    params: { id: f.parts.part.id },
    json: { quantity: '-1', reason: 'Dropped one' },
  }),
  'GET /api/v1/vendors': () => ({}),
  'POST /api/v1/vendors': () => ({ json: { name: 'API Motor Factors', phone: '555-0199' } }),
  'GET /api/v1/vendors/{id}': (f) => ({ params: { id: f.parts.vendor.id } }),
  'PATCH /api/v1/vendors/{id}': (f) => ({ params: { id: f.parts.vendor.id }, json: { account_number: 'AC-77' } }),
  'GET /api/v1/purchase-orders': () => ({ path: '/api/v1/purchase-orders?status=ordered' }),
  'POST /api/v1/purchase-orders': (f) => ({
    json: {
      vendor_id: f.parts.vendor.id,
      lines: [{ part_id: f.parts.part.id, quantity: '4', unit_cost_cents: 1_900 }],
    },
  }),
  'GET /api/v1/purchase-orders/{id}': (f) => ({ params: { id: f.parts.orderedOrder.id } }),
  'PATCH /api/v1/purchase-orders/{id}': (f) => ({
    params: { id: f.parts.draftOrder.id },
    json: { expected_at: '2030-01-15T09:00:00Z', notes: 'Call before delivery' },
  }),
  'POST /api/v1/purchase-orders/{id}/order': (f) => ({ params: { id: f.parts.draftOrder.id } }),
  'POST /api/v1/purchase-orders/{id}/cancel': (f) => ({ params: { id: f.parts.orderedOrder.id } }),
  'POST /api/v1/purchase-orders/{id}/receive': (f) => ({
    params: { id: f.parts.orderedOrder.id },
    json: { lines: [{ line_id: f.parts.orderedOrder.lines[0]!.id, quantity: '3' }] },
  }),
  'GET /api/v1/jobs/{id}/parts': (f) => ({ params: { id: f.job.id } }),
  'POST /api/v1/jobs/{id}/parts': (f) => ({
    params: { id: f.job.id },
    json: { description: 'Bulb H7', quantity: '2' },
  }),
  'POST /api/v1/job-parts/{id}/order': (f) => ({ params: { id: f.parts.neededPart.id } }),
  'POST /api/v1/job-parts/{id}/install': (f) => ({ params: { id: f.parts.neededPart.id } }),
  'POST /api/v1/job-parts/{id}/return': (f) => ({ params: { id: f.parts.installedPart.id } }),
  'POST /api/v1/jobs/{id}/clock/start': (f) => ({ params: { id: f.job.id } }),
  'POST /api/v1/jobs/{id}/clock/stop': (f) => ({ params: { id: f.clocks.job.id }, json: {} }),
  'GET /api/v1/time-entries': (f) => ({ path: `/api/v1/time-entries?job_id=${f.clocks.job.id}` }),
  'POST /api/v1/time-entries/{id}/adjustments': (f) => ({
    params: { id: f.clocks.stopped.id },
    json: { void: true, reason: 'Clocked by mistake' },
  }),
  'GET /api/v1/reports/technicians': () => ({ path: '/api/v1/reports/technicians?format=csv' }),
};

function routeModulePath(apiPath: string): string {
  const folder = apiPath.replace(/^\/api\//, 'app/api/').replace(/\{(\w+)\}/g, '[$1]');
  return path.join(process.cwd(), folder, 'route.ts');
}

function outcomeOf(status: number): Outcome | string {
  if (status >= 200 && status < 300) return 'allowed';
  if (status === 401 || status === 403 || status === 404) return status;
  return `status ${status}`;
}

describe('every API route answers each caller as the matrix says', () => {
  for (const [operation, row] of Object.entries(apiMatrix)) {
    const [method, apiPath] = operation.split(' ') as [string, string];
    for (const caller of callers) {
      it(`${operation} as ${caller} → ${row[caller]}`, async () => {
        const build = requests[operation];
        expect(build, `no request for ${operation} in this test`).toBeDefined();
        const fixture = await makeFixture();
        const request = build!(fixture, caller);
        const concretePath =
          request.path ??
          Object.entries(request.params ?? {}).reduce((url, [name, value]) => url.replace(`{${name}}`, value), apiPath);
        const routeModule = (await import(routeModulePath(apiPath))) as Record<string, unknown>;
        const token =
          caller === 'anonymous' || operation === 'POST /api/v1/auth/token' ? undefined : fixture.tokens[caller];
        const before = await lastAuditId();
        const answer = await callRoute(routeModule, method, concretePath, {
          token,
          json: request.json,
          params: request.params,
        });
        expect(outcomeOf(answer.status), JSON.stringify(answer.body)).toBe(row[caller]);
        // What it wrote is on the audit trail as this caller's, from the API; a refusal wrote nothing.
        const written = await auditEventsSince(before);
        if (row[caller] !== 'allowed') expect(written).toEqual([]);
        else if (apiPath.startsWith('/api/public/'))
          // The customer's answer: no actor, origin public, whoever's token came along.
          expect(written.filter((event) => event.actorId !== null || event.origin !== 'public')).toEqual([]);
        else if (caller !== 'anonymous')
          expect(
            written.filter((event) => event.actorId !== fixture.people[caller].id || event.origin !== 'api'),
          ).toEqual([]);
      });
    }
  }
});

it('lists every API route that exists, and none that does not', () => {
  const registered = apiRoutes.map((route) => `${route.method} ${route.path}`).sort();
  expect(registered).toEqual(Object.keys(apiMatrix).sort());
  expect(Object.keys(requests).sort()).toEqual(Object.keys(apiMatrix).sort());
});
