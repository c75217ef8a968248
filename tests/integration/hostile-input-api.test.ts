// Property-based: every API body, random and hostile (wrong types, huge and negative money, unicode, SQL and
// HTML fragments, missing fields, malformed JSON), answers 4xx with field errors or succeeds — never 5xx — and
// a refused request writes nothing (every write is audited in its own transaction, so: no audit event).
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { z } from 'zod';

import { apiRoutes } from '@/app/api/v1/_lib/specs';

import { camelToSnake } from '@/app/api/v1/_lib/casing';

import { callRoute, tokenFor } from './api-support';
import { createEstimate, sendEstimate } from '@/db/estimates';
import { createHostileScene } from './matrix-support';
import { auditCountBy, lastAuditId, type createWorkshopScene } from './support';
import { createPartsScene } from './parts-support';

const hostileScalar = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    "'; drop table jobs; --",
    '<script>alert(1)</script>',
    'a\u0000b',
    '',
    ' ',
    'x'.repeat(10_000),
    '2026-13-45',
    'NaN',
  ),
  fc.integer(),
  fc.constantFrom(-1, 0, -999_999_999_999, 9_007_199_254_740_991, 1e308, -0.5, 0.001, Number.MAX_SAFE_INTEGER + 2),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const hostileValue = fc.oneof(
  { weight: 4, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), hostileScalar, { maxKeys: 3 }) },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.dictionary(
        fc.constantFrom('kind', 'description', 'quantity', 'unit_price_cents', 'part_id', 'line_id', 'unit_cost_cents'),
        hostileScalar,
      ),
      { maxLength: 3 },
    ),
  },
);

function bodyKeys(schema: unknown): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape).map(camelToSnake);
  return [];
}

async function setUp() {
  const base = await createHostileScene();
  return {
    ...base,
    token: await tokenFor(base.admin),
    ...(await estimatesFor(base.scene)),
    parts: await createPartsScene(base.admin, base.job.id),
    timeEntry: base.clocks.stopped,
  };
}

/** A draft estimate on J (edited by PATCH) and a sent one on the completed job (answered by staff or link). */
async function estimatesFor(scene: Awaited<ReturnType<typeof createWorkshopScene>>) {
  const lines = [{ kind: 'part', description: 'Brake pads', quantity: 1, unitPriceCents: 8_000 }];
  const draft = await createEstimate(scene.people.admin, scene.job.id, { lines });
  const sent = await sendEstimate(
    scene.people.admin,
    (await createEstimate(scene.people.admin, scene.completed.id, { lines })).id,
  );
  return { draft, sent: sent.estimate, approvalToken: sent.approvalUrl.split('/approve/')[1]! };
}

/** The row a path's {id} points at: a job that can still be invoiced for /invoice, else the obvious one. */
function idFor(apiPath: string, setup: Awaited<ReturnType<typeof setUp>>): string {
  if (apiPath.startsWith('/api/v1/users/')) return setup.worker.id;
  if (apiPath.startsWith('/api/v1/customers/')) return setup.customer.id;
  if (apiPath.startsWith('/api/v1/vehicles/')) return setup.vehicle.id;
  if (apiPath.startsWith('/api/v1/invoices/')) return setup.invoice.id;
  if (apiPath === '/api/v1/estimates/{id}') return setup.draft.id;
  if (apiPath.startsWith('/api/v1/estimates/')) return setup.sent.id;
  if (apiPath.startsWith('/api/public/approvals/')) return setup.approvalToken;
  if (apiPath === '/api/v1/jobs/{id}/estimates') return setup.done.id;
  if (apiPath === '/api/v1/jobs/{id}/invoice') return setup.done.id;
  if (apiPath.startsWith('/api/v1/parts/')) return setup.parts.part.id;
  if (apiPath.startsWith('/api/v1/vendors/')) return setup.parts.vendor.id;
  if (apiPath === '/api/v1/purchase-orders/{id}/receive') return setup.parts.orderedOrder.id;
  if (apiPath.startsWith('/api/v1/purchase-orders/')) return setup.parts.draftOrder.id;
  if (apiPath.startsWith('/api/v1/time-entries/')) return setup.timeEntry.id;
  return setup.job.id;
}

const routesWithBodies = apiRoutes.filter((route) => route.body && route.path !== '/api/v1/auth/token');

describe('hostile API bodies never cause a 5xx and a refusal writes nothing', () => {
  for (const route of routesWithBodies) {
    it(`${route.method} ${route.path}`, async () => {
      const setup = await setUp();
      const parameter = route.path.includes('{token}') ? 'token' : 'id';
      const concretePath = route.path.replace(`{${parameter}}`, idFor(route.path, setup));
      const routeModule = (await import(
        path.join(process.cwd(), route.path.replace(/^\/api\//, 'app/api/').replace(/\{(\w+)\}/g, '[$1]'), 'route.ts')
      )) as Record<string, unknown>;
      const keys = bodyKeys(route.body);
      const structured = fc.record(Object.fromEntries(keys.map((key) => [key, hostileValue])), { requiredKeys: [] });
      const body = fc.oneof(
        { weight: 5, arbitrary: structured.map((json) => ({ json })) },
        { weight: 1, arbitrary: fc.jsonValue().map((json) => ({ json })) },
        { weight: 1, arbitrary: fc.string({ maxLength: 50 }).map((raw) => ({ raw: `{${raw}` })) },
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const before = await lastAuditId();
          const answer = await callRoute(routeModule, route.method, concretePath, {
            token: setup.token,
            params: route.path.includes(`{${parameter}}`) ? { [parameter]: idFor(route.path, setup) } : {},
            // A client address of its own per request: the public endpoints' per-address limit is not under test.
            headers: { 'x-workshop-client-address': `hostile-${Math.random()}` },
            ...payload,
          });
          expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
          if (answer.status >= 400) {
            expect(answer.headers.get('content-type')).toContain('application/problem+json');
            if (answer.status === 422) expect(answer.body).toHaveProperty('errors');
            expect(await auditCountBy(setup.admin.id, before), 'a refused request wrote something').toBe(0);
            if (route.path.startsWith('/api/public/'))
              expect(await lastAuditId(), 'a refused answer wrote').toBe(before);
          }
        }),
        { numRuns: 30, seed: 4242 },
      );
    });
  }
});
