// Property-based: every server action, fed random and hostile form values, answers with a result (never
// throws, never a 500-style failure), and when it refuses, nothing was written (no audit event by the caller,
// and every write is audited in the same transaction).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

import { createHostileScene } from './matrix-support';
import { auditCountBy, lastAuditId } from './support';

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

function formOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

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
type Target = { fields: string[]; call: (setup: Setup, data: FormData) => Promise<unknown> };

const targets: Record<string, Target> = {
  createCustomerAction: {
    fields: fieldsOf.customer!,
    call: async (_s, d) => (await import('@/app/(app)/customers/actions')).createCustomerAction(undefined, d),
  },
  updateCustomerAction: {
    fields: fieldsOf.customer!,
    call: async (s, d) =>
      (await import('@/app/(app)/customers/actions')).updateCustomerAction(s.customer.id, undefined, d),
  },
  createVehicleAction: {
    fields: fieldsOf.vehicle!,
    call: async (_s, d) => (await import('@/app/(app)/vehicles/actions')).createVehicleAction(undefined, d),
  },
  updateVehicleAction: {
    fields: fieldsOf.vehicle!,
    call: async (s, d) =>
      (await import('@/app/(app)/vehicles/actions')).updateVehicleAction(s.vehicle.id, undefined, d),
  },
  createJobAction: {
    fields: fieldsOf.job!,
    call: async (_s, d) => (await import('@/app/(app)/jobs/actions')).createJobAction(undefined, d),
  },
  updateJobAction: {
    fields: fieldsOf.job!,
    call: async (s, d) => (await import('@/app/(app)/jobs/actions')).updateJobAction(s.job.id, undefined, d),
  },
  changeJobStatusAction: {
    fields: fieldsOf.status!,
    call: async (s, d) => (await import('@/app/(app)/jobs/actions')).changeJobStatusAction(s.job.id, undefined, d),
  },
  setJobAssigneesAction: {
    fields: fieldsOf.assignees!,
    call: async (s, d) => (await import('@/app/(app)/jobs/actions')).setJobAssigneesAction(s.job.id, undefined, d),
  },
  addJobNoteAction: {
    fields: fieldsOf.note!,
    call: async (s, d) => (await import('@/app/(app)/jobs/actions')).addJobNoteAction(s.job.id, undefined, d),
  },
  issueInvoiceAction: {
    fields: fieldsOf.invoice!,
    call: async (s, d) =>
      (await import('@/app/(app)/jobs/[id]/invoice/actions')).issueInvoiceAction(s.done.id, undefined, d),
  },
  recordPaymentAction: {
    fields: fieldsOf.payment!,
    call: async (s, d) =>
      (await import('@/app/(app)/invoices/[id]/actions')).recordPaymentAction(s.invoice.id, undefined, d),
  },
  voidInvoiceAction: {
    fields: fieldsOf.void!,
    call: async (s, d) =>
      (await import('@/app/(app)/invoices/[id]/actions')).voidInvoiceAction(s.invoice.id, undefined, d),
  },
  saveShopSettingsAction: {
    fields: fieldsOf.settings!,
    call: async (_s, d) => (await import('@/app/(app)/settings/actions')).saveShopSettingsAction(undefined, d),
  },
  createUserAction: {
    fields: fieldsOf.user!,
    call: async (_s, d) => (await import('@/app/(app)/users/actions')).createUserAction(undefined, d),
  },
  editUserAction: {
    fields: fieldsOf.user!,
    call: async (s, d) => (await import('@/app/(app)/users/actions')).editUserAction(s.worker.id, undefined, d),
  },
  startClockAction: {
    fields: fieldsOf.clock!,
    call: async (s, d) => (await import('@/app/(app)/time/actions')).startClockAction(s.job.id, undefined, d),
  },
  stopClockAction: {
    fields: fieldsOf.clock!,
    call: async (s, d) => (await import('@/app/(app)/time/actions')).stopClockAction(s.clocks.job.id, undefined, d),
  },
  adjustTimeEntryAction: {
    fields: fieldsOf.correction!,
    call: async (s, d) =>
      (await import('@/app/(app)/time/actions')).adjustTimeEntryAction(s.clocks.stopped.id, undefined, d),
  },
  resetPasswordAction: {
    fields: fieldsOf.password!,
    call: async (s, d) => (await import('@/app/(app)/users/actions')).resetPasswordAction(s.worker.id, undefined, d),
  },
};

describe('hostile form input never breaks an action and a refusal writes nothing', () => {
  for (const [name, target] of Object.entries(targets)) {
    it(name, async () => {
      const setup = await setUp();
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
              result = await target.call(setup, formOf({ ...extraFields, ...(fields as Record<string, string>) }));
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
