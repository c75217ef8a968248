// Property-based: every server action, fed random and hostile form values, answers with a result (never
// throws, never a 500-style failure), and when it refuses, nothing was written (no audit event by the caller,
// and every write is audited in the same transaction).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

import { actionModules, createHostileScene } from './matrix-support';
import { auditCountBy, formData, lastAuditId } from './support';

import { openSession } from '@/db/auth/sessions';

const session = vi.hoisted(() => ({ current: null as null | Record<string, unknown> }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => session.current,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const hostileText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom(
    '',
    ' ',
    "'; drop table customers; --",
    '<script>alert(1)</script>',
    'a\u0000b',
    '\u202e\u0000',
    'NaN',
    'Infinity',
    '-1',
    '-0.001',
    '1e309',
    '99999999999999999999999',
    '0x10',
    '2026-02-30',
    'true',
    '{"$ne":null}',
    '../../etc/passwd',
    '00000000-0000-0000-0000-000000000000',
    'x'.repeat(20_000),
  ),
);

/** The form fields each action reads, so random values reach its validation rather than only its defaults. */
const fieldsOf: Record<string, string[]> = {
  customer: ['kind', 'name', 'company', 'phone', 'email', 'address', 'notes'],
  vehicle: ['customerId', 'vin', 'plate', 'make', 'model', 'year', 'color', 'odometer', 'acceptVinWarning'],
  job: ['vehicleId', 'title', 'description', 'odometerIn', 'priority', 'promisedAt', 'confirmLowerOdometer', 'version'],
  status: ['status', 'reason', 'version'],
  note: ['body'],
  invoice: [
    'lines.0.kind',
    'lines.0.description',
    'lines.0.quantity',
    'lines.0.unitPrice',
    'lines.1.kind',
    'lines.1.quantity',
    'lines.0.technicianId',
  ],
  payment: ['amount', 'amountCents', 'method', 'receivedAt'],
  void: ['reason'],
  settings: [
    'shopName',
    'address',
    'currency',
    'locale',
    'laborRate',
    'laborTaxPercent',
    'partTaxPercent',
    'feeTaxPercent',
  ],
  user: ['name', 'email', 'role', 'password'],
  password: ['password'],
  assignees: ['userIds'],
  clock: ['userId'],
  correction: ['startedAt', 'endedAt', 'void', 'reason'],
};

const setUp = createHostileScene;

type Setup = Awaited<ReturnType<typeof setUp>>;
const actions = actionModules;

/** An action: its module, the fields it reads and, for an action on a record, the record's id (its first argument). */
type Target = { load: () => Promise<object>; fields: string[]; idOf?: (setup: Setup) => string };
type Action = (...args: unknown[]) => Promise<unknown>;

const targets: Record<string, Target> = {
  createCustomerAction: { load: actions.customers, fields: fieldsOf.customer! },
  updateCustomerAction: { load: actions.customers, fields: fieldsOf.customer!, idOf: (s) => s.customer.id },
  createVehicleAction: { load: actions.vehicles, fields: fieldsOf.vehicle! },
  updateVehicleAction: { load: actions.vehicles, fields: fieldsOf.vehicle!, idOf: (s) => s.vehicle.id },
  createJobAction: { load: actions.jobs, fields: fieldsOf.job! },
  updateJobAction: { load: actions.jobs, fields: fieldsOf.job!, idOf: (s) => s.job.id },
  changeJobStatusAction: { load: actions.jobs, fields: fieldsOf.status!, idOf: (s) => s.job.id },
  setJobAssigneesAction: { load: actions.jobs, fields: fieldsOf.assignees!, idOf: (s) => s.job.id },
  addJobNoteAction: { load: actions.jobs, fields: fieldsOf.note!, idOf: (s) => s.job.id },
  issueInvoiceAction: { load: actions.jobInvoice, fields: fieldsOf.invoice!, idOf: (s) => s.done.id },
  recordPaymentAction: { load: actions.invoice, fields: fieldsOf.payment!, idOf: (s) => s.invoice.id },
  voidInvoiceAction: { load: actions.invoice, fields: fieldsOf.void!, idOf: (s) => s.invoice.id },
  saveShopSettingsAction: { load: actions.settings, fields: fieldsOf.settings! },
  createUserAction: { load: actions.users, fields: fieldsOf.user! },
  editUserAction: { load: actions.users, fields: fieldsOf.user!, idOf: (s) => s.worker.id },
  startClockAction: { load: actions.time, fields: fieldsOf.clock!, idOf: (s) => s.job.id },
  stopClockAction: { load: actions.time, fields: fieldsOf.clock!, idOf: (s) => s.clocks.job.id },
  adjustTimeEntryAction: { load: actions.time, fields: fieldsOf.correction!, idOf: (s) => s.clocks.stopped.id },
  resetPasswordAction: { load: actions.users, fields: fieldsOf.password!, idOf: (s) => s.worker.id },
};

describe('hostile form input never breaks an action and a refusal writes nothing', () => {
  for (const [name, target] of Object.entries(targets)) {
    it(name, async () => {
      const setup = await setUp();
      const action = (await target.load())[name as keyof object] as Action;
      session.current = {
        userId: setup.admin.id,
        role: 'admin',
        sessionId: await openSession({ userId: setup.admin.id, sessionVersion: 1 }),
        authenticatedAt: Math.floor(Date.now() / 1000),
      };
      const fieldValues = fc.record(Object.fromEntries(target.fields.map((field) => [field, hostileText])), {
        requiredKeys: [],
      });
      const extra = fc.dictionary(fc.string({ maxLength: 20 }), hostileText, { maxKeys: 3 });
      try {
        await fc.assert(
          fc.asyncProperty(fieldValues, extra, async (fields, extraFields) => {
            const before = await lastAuditId();
            let result: unknown;
            try {
              const form = formData({ ...extraFields, ...(fields as Record<string, string>) });
              result = await (target.idOf ? action(target.idOf(setup), undefined, form) : action(undefined, form));
            } catch (error) {
              const digest = (error as { digest?: unknown }).digest;
              if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return; // accepted and saved
              throw error;
            }
            const answer = result as {
              ok: boolean;
              code?: string;
              message?: string;
              fieldErrors?: Record<string, string[]>;
            };
            expect(answer && typeof answer === 'object' && 'ok' in answer, 'an ActionResult').toBe(true);
            if (answer.ok) return;
            expect(answer.code, answer.message).not.toBe('error');
            expect(typeof answer.message).toBe('string');
            expect(await auditCountBy(setup.admin.id, before), 'a refused action wrote something').toBe(0);
          }),
          { numRuns: 40, seed: 20261130 },
        );
      } finally {
        session.current = null;
      }
    });
  }
});
