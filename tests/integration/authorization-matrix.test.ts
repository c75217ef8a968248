// Walks every cell of tests/authorization/matrix.ts by calling the server actions themselves (not through the
// UI) with each kind of caller's session, and fails when an action exists that the table does not list.
// The session cookie is the one thing stood in for: next-auth's getServerSession returns the caller's claims,
// which app/_lib/session.ts then checks against the real database like on any request.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/db/core/actor';
import { actionMatrix, callers, type Caller, type Outcome } from '../authorization/matrix';
import { auditEventsSince, formData as form, lastAuditId, TEST_PASSWORD, uniqueEmail } from './support';
import { openSession } from '@/db/auth/sessions';
import { actionModules, createMatrixScene } from './matrix-support';

const session = vi.hoisted(() => ({ current: null as null | Record<string, unknown> }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => session.current,
}));
// Outside a Next request there is no cache to revalidate.
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Fixture = Awaited<ReturnType<typeof makeFixture>>;

async function makeFixture() {
  // The deactivated worker's session was taken while they were active (version 1), then an admin deactivated them.
  const scene = await createMatrixScene(async () => ({}));
  return { ...scene, people: scene.people as Record<Exclude<Caller, 'anonymous'>, Actor> };
}

type Call = (fixture: Fixture) => Promise<unknown>;
const load = actionModules;

/** How to call each action with valid input, so that "allowed" means it really did its work. */
const calls: Record<string, Call> = {
  'customers/createCustomerAction': async () =>
    (await load.customers()).createCustomerAction(undefined, form({ kind: 'individual', name: 'Matrix Customer' })),
  'customers/updateCustomerAction': async (f) =>
    (await load.customers()).updateCustomerAction(
      f.customer.id,
      undefined,
      form({ kind: 'individual', name: 'Renamed Customer' }),
    ),
  'customers/archiveCustomerAction': async (f) => (await load.customers()).archiveCustomerAction(f.customer.id),
  'customers/unarchiveCustomerAction': async (f) =>
    (await load.customers()).unarchiveCustomerAction(f.archived.customer.id),
  'vehicles/createVehicleAction': async (f) =>
    (await load.vehicles()).createVehicleAction(
      undefined,
      form({ customerId: f.customer.id, make: 'Ford', model: 'Focus' }),
    ),
  'vehicles/updateVehicleAction': async (f) =>
    (await load.vehicles()).updateVehicleAction(
      f.vehicle.id,
      undefined,
      form({ customerId: f.customer.id, make: 'Ford', model: 'Fiesta' }),
    ),
  'vehicles/archiveVehicleAction': async (f) => (await load.vehicles()).archiveVehicleAction(f.vehicle.id),
  'vehicles/unarchiveVehicleAction': async (f) => (await load.vehicles()).unarchiveVehicleAction(f.archived.vehicle.id),
  'jobs/createJobAction': async (f) =>
    (await load.jobs()).createJobAction(undefined, form({ vehicleId: f.vehicle.id, title: 'Oil leak' })),
  'jobs/updateJobAction': async (f) =>
    (await load.jobs()).updateJobAction(
      f.job.id,
      undefined,
      form({ version: String(f.job.version), title: 'Brakes squeal loudly' }),
    ),
  'jobs/changeJobStatusAction': async (f) =>
    (await load.jobs()).changeJobStatusAction(f.job.id, undefined, form({ status: 'in_progress' })),
  'jobs/setJobAssigneesAction': async (f) =>
    (await load.jobs()).setJobAssigneesAction(
      f.job.id,
      undefined,
      form({ userIds: [f.people.assignedWorker.id, f.people.otherWorker.id] }),
    ),
  'jobs/addJobNoteAction': async (f) =>
    (await load.jobs()).addJobNoteAction(f.job.id, undefined, form({ body: 'Checked the pads.' })),
  'jobs/[id]/invoice/issueInvoiceAction': async (f) =>
    (await load.jobInvoice()).issueInvoiceAction(
      f.completed.id,
      undefined,
      form({
        'lines.0.kind': 'labor',
        'lines.0.description': 'Service',
        'lines.0.quantity': '1.5',
        'lines.0.unitPrice': '120.00',
      }),
    ),
  'jobs/[id]/estimate/saveEstimateAction': async (f) =>
    (await load.jobEstimate()).saveEstimateAction(
      f.job.id,
      f.estimates.draft.id,
      undefined,
      form({
        'lines.0.kind': 'fee',
        'lines.0.description': 'Diagnosis',
        'lines.0.quantity': '1',
        'lines.0.unitPrice': '50.00',
      }),
    ),
  'jobs/[id]/estimate/sendEstimateAction': async (f) =>
    (await load.jobEstimate()).sendEstimateAction(f.job.id, f.estimates.draft.id, undefined),
  'jobs/[id]/estimate/reviseEstimateAction': async (f) =>
    (await load.jobEstimate()).reviseEstimateAction(f.estimates.sent.jobId, f.estimates.sent.id),
  'jobs/[id]/estimate/recordAuthorizationAction': async (f) =>
    (await load.jobEstimate()).recordAuthorizationAction(
      f.estimates.sent.jobId,
      f.estimates.sent.id,
      undefined,
      form({ channel: 'phone', authorizedBy: 'Ann Driver', approvedLineIds: [f.estimates.sent.lines[0]!.id] }),
    ),
  'invoices/[id]/recordPaymentAction': async (f) =>
    (await load.invoice()).recordPaymentAction(f.invoice.id, undefined, form({ amount: '50.00', method: 'cash' })),
  'invoices/[id]/voidInvoiceAction': async (f) =>
    (await load.invoice()).voidInvoiceAction(f.invoice.id, undefined, form({ reason: 'Wrong battery' })),
  // Everyone changes their own password (here to the same one, so every cell can run it again).
  'account/changePasswordAction': async () =>
    (await load.account()).changePasswordAction(
      undefined,
      form({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD }),
    ),
  'settings/saveShopSettingsAction': async () =>
    (await load.settings()).saveShopSettingsAction(
      undefined,
      form({
        shopName: 'Matrix Motors',
        address: '1 Test Road',
        currency: 'USD',
        locale: 'en-US',
        laborRate: '100.00',
        laborTaxPercent: '0',
        partTaxPercent: '8.25',
        feeTaxPercent: '8.25',
      }),
    ),
  'users/createUserAction': async () =>
    (await load.users()).createUserAction(
      undefined,
      form({ name: 'New Mechanic', email: uniqueEmail('new'), role: 'worker', password: 'a-long-password' }),
    ),
  'users/editUserAction': async (f) =>
    (await load.users()).editUserAction(
      f.people.otherWorker.id,
      undefined,
      form({ name: 'Renamed Mechanic', email: f.people.otherWorker.email }),
    ),
  'users/resetPasswordAction': async (f) =>
    (await load.users()).resetPasswordAction(
      f.people.otherWorker.id,
      undefined,
      form({ password: 'another-long-password' }),
    ),
  'users/deactivateUserAction': async (f) =>
    (await load.users()).deactivateUserAction(f.people.otherWorker.id, undefined, form({})),
  'users/reactivateUserAction': async (f) =>
    (await load.users()).reactivateUserAction(f.people.deactivatedWorker.id, undefined, form({})),
  'users/endUserSessionsAction': async (f) =>
    (await load.users()).endUserSessionsAction(f.people.otherWorker.id, undefined, form({})),
  'parts/savePartAction': async (f) =>
    (await load.parts()).savePartAction(
      f.parts.part.id,
      undefined,
      form({ name: 'Front brake pads', unitPrice: '49.50' }),
    ),
  'parts/adjustStockAction': async (f) =>
    (await load.parts()).adjustStockAction(f.parts.part.id, undefined, form({ quantity: '2', reason: 'Found a box' })),
  'parts/draftReordersAction': async () => (await load.parts()).draftReordersAction(),
  'parts/searchPartsAction': async () => (await load.parts()).searchPartsAction('Matrix'),
  'vendors/saveVendorAction': async (f) =>
    (await load.vendors()).saveVendorAction(f.parts.vendor.id, undefined, form({ name: 'Renamed Parts Co' })),
  'purchase-orders/createPurchaseOrderAction': async (f) =>
    (await load.purchaseOrders()).createPurchaseOrderAction(
      undefined,
      form({
        vendorId: f.parts.vendor.id,
        'lines.0.partId': f.parts.part.id,
        'lines.0.quantity': '2',
        'lines.0.unitCost': '19.00',
      }),
    ),
  'purchase-orders/updatePurchaseOrderAction': async (f) =>
    (await load.purchaseOrders()).updatePurchaseOrderAction(
      f.parts.draftOrder.id,
      undefined,
      form({ expectedAt: '2030-02-01' }),
    ),
  'purchase-orders/orderPurchaseOrderAction': async (f) =>
    (await load.purchaseOrders()).orderPurchaseOrderAction(f.parts.draftOrder.id),
  'purchase-orders/cancelPurchaseOrderAction': async (f) =>
    (await load.purchaseOrders()).cancelPurchaseOrderAction(f.parts.orderedOrder.id),
  'purchase-orders/receivePurchaseOrderAction': async (f) =>
    (await load.purchaseOrders()).receivePurchaseOrderAction(
      f.parts.orderedOrder.id,
      undefined,
      form({ 'lines.0.lineId': f.parts.orderedOrder.lines[0]!.id, 'lines.0.quantity': '3' }),
    ),
  'jobs/[id]/parts/addJobPartAction': async (f) =>
    (await load.jobParts()).addJobPartAction(f.job.id, undefined, form({ description: 'Bulb H7', quantity: '2' })),
  'jobs/[id]/parts/orderJobPartAction': async (f) =>
    (await load.jobParts()).orderJobPartAction(f.job.id, f.parts.neededPart.id),
  'jobs/[id]/parts/installJobPartAction': async (f) =>
    (await load.jobParts()).installJobPartAction(f.job.id, f.parts.neededPart.id),
  'jobs/[id]/parts/returnJobPartAction': async (f) =>
    (await load.jobParts()).returnJobPartAction(f.job.id, f.parts.installedPart.id),
  'time/startClockAction': async (f) => (await load.time()).startClockAction(f.job.id, undefined, form({})),
  'time/stopClockAction': async (f) => (await load.time()).stopClockAction(f.clocks.job.id, undefined, form({})),
  'time/adjustTimeEntryAction': async (f) =>
    (await load.time()).adjustTimeEntryAction(
      f.clocks.stopped.id,
      undefined,
      form({ void: 'on', reason: 'Clocked by mistake' }),
    ),
};

function outcomeOf(result: unknown): Outcome | string {
  if (result && typeof result === 'object' && 'ok' in result) {
    const answer = result as { ok: boolean; code?: string; message?: string };
    if (answer.ok) return 'allowed';
    const byCode: Record<string, Outcome> = { unauthorized: 401, forbidden: 403, not_found: 404 };
    return byCode[answer.code ?? ''] ?? `refused (${answer.code}): ${answer.message}`;
  }
  return `unexpected result ${JSON.stringify(result)}`;
}

// A server-side session row per person, as a real sign-in opens (the cookie's session id is checked against it).
const sessionIds = new Map<string, Promise<string>>();
function sessionOf(userId: string): Promise<string> {
  if (!sessionIds.has(userId)) sessionIds.set(userId, openSession({ userId, sessionVersion: 1 }));
  return sessionIds.get(userId)!;
}

async function callAs(caller: Caller, fixture: Fixture, call: Call): Promise<Outcome | string> {
  if (caller === 'anonymous') {
    session.current = null;
  } else {
    const person = fixture.people[caller];
    session.current = {
      userId: person.id,
      role: person.role,
      sessionId: await sessionOf(person.id),
      authenticatedAt: Math.floor(Date.now() / 1000),
      expires: new Date(Date.now() + 3_600_000).toISOString(),
    };
  }
  try {
    return outcomeOf(await call(fixture));
  } catch (error) {
    // A successful action may finish with redirect() to the page it created or changed.
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return 'allowed';
    throw error;
  } finally {
    session.current = null;
  }
}

describe('every server action answers each caller as the matrix says', () => {
  for (const [name, row] of Object.entries(actionMatrix)) {
    for (const caller of callers) {
      it(`${name} as ${caller} → ${row[caller]}`, async () => {
        const call = calls[name];
        expect(call, `no way to call ${name} in this test`).toBeDefined();
        const fixture = await makeFixture();
        const before = await lastAuditId();
        const outcome = await callAs(caller, fixture, call!);
        expect(outcome).toBe(row[caller]);
        // What it wrote is on the audit trail as this caller's, from the screens; a refusal wrote nothing.
        const written = await auditEventsSince(before);
        if (outcome !== 'allowed') expect(written).toEqual([]);
        else
          expect(
            written.filter(
              (event) =>
                event.actorId !== fixture.people[caller as Exclude<Caller, 'anonymous'>].id || event.origin !== 'ui',
            ),
          ).toEqual([]);
      });
    }
  }
});

function actionFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return entry === 'actions.ts' ? [full] : [];
  });
}

it('lists every server action that exists, and no action that does not', () => {
  const root = path.join(process.cwd(), 'app', '(app)');
  const found = actionFiles(root).flatMap((file) => {
    const folder = path.relative(root, path.dirname(file)).split(path.sep).join('/');
    const source = readFileSync(file, 'utf8');
    return [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((match) => `${folder}/${match[1]}`);
  });
  // Actions outside app/(app) would escape this check: there must be none but first-run setup, which has no
  // acting user by design (the data layer refuses it once any user exists: tests/integration/first-run-setup.test.ts).
  const outside = actionFiles(path.join(process.cwd(), 'app')).filter((file) => !file.startsWith(root));
  expect(outside).toEqual([path.join(process.cwd(), 'app', 'setup', 'actions.ts')]);
  expect(found.sort()).toEqual(Object.keys(actionMatrix).sort());
  expect(Object.keys(calls).sort()).toEqual(Object.keys(actionMatrix).sort());
});
