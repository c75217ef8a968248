import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/db/core/actor';
import { getDb, type Database } from '@/db/client';
import { DomainError, postgresError } from '@/db/core/errors';
import { runWithRequestContext } from '@/db/platform/audit-context';
import {
  getInvoice,
  getInvoiceableJob,
  invoiceNumberSql,
  issueInvoice,
  listInvoices,
  listJobsReadyToInvoice,
  recordPayment,
  voidInvoice,
} from '@/db/invoices';
import { auditEvents, invoiceLines, invoices, jobs, payments } from '@/db/schema';
import { formatInvoiceNumber } from '@/db/core/document-numbers';
import { updateShopSettings } from '@/db/settings';
import { invoiceForm, paymentForm } from '@/app/_lib/form-inputs';
import {
  createCustomerWithVehicle,
  createUser,
  invalidFieldNames,
  lastAuditId,
  refusal,
  testShopSettings,
  throughForm,
} from './support';

let db: Database;
let admin: Actor;

beforeAll(async () => {
  db = await getDb();
  admin = await createUser('admin');
  // One tax rate per line kind: labor 10%, parts 8.25%, fees 5%.
  await updateShopSettings(admin, testShopSettings);
});

async function jobIn(status: 'created' | 'in_progress' | 'completed') {
  const { vehicle, customer } = await createCustomerWithVehicle(admin);
  const [job] = await db
    .insert(jobs)
    .values({ vehicleId: vehicle.id, title: 'Front brakes', createdBy: admin.id })
    .returning();
  if (status !== 'created') await db.update(jobs).set({ status: 'in_progress' }).where(eq(jobs.id, job!.id));
  if (status === 'completed')
    await db.update(jobs).set({ status: 'completed', completedAt: new Date() }).where(eq(jobs.id, job!.id));
  return { job: job!, vehicle, customer };
}

const completedJob = () => jobIn('completed');

const simpleLines = (unitPriceCents = 10_000) => ({
  lines: [{ kind: 'part' as const, description: 'Brake pads', quantity: '1', unitPriceCents }],
});

function sequenceOf(number: string): number {
  return Number(number.split('-')[2]);
}

describe('issuing an invoice', () => {
  it('prices every line with the tax rate of its kind, rounding half up per line', async () => {
    const { job, vehicle, customer } = await completedJob();
    const invoice = await issueInvoice(admin, job.id, {
      lines: [
        { kind: 'labor', description: 'Replace pads', quantity: '1.5', unitPriceCents: 12_345 }, // 185.175 → 185.18; tax 18.518 → 18.52
        { kind: 'part', description: 'Brake pads', quantity: 2, unitPriceCents: 4_999 }, // 99.98; tax 8.24835 → 8.25
        { kind: 'fee', description: 'Shop supplies', quantity: '1', unitPriceCents: 1_010 }, // 10.10; tax 0.505 → 0.51
      ],
    });
    expect(
      invoice.lines.map((line) => [
        line.kind,
        line.quantity,
        line.lineTotalCents,
        line.taxRateBasisPoints,
        line.taxCents,
      ]),
    ).toEqual([
      ['labor', '1.50', 18_518, 1_000, 1_852],
      ['part', '2.00', 9_998, 825, 825],
      ['fee', '1.00', 1_010, 500, 51],
    ]);
    expect(invoice.subtotalCents).toBe(18_518 + 9_998 + 1_010);
    expect(invoice.taxCents).toBe(1_852 + 825 + 51);
    expect(invoice.totalCents).toBe(invoice.subtotalCents + invoice.taxCents);
    expect(invoice).toMatchObject({
      status: 'issued',
      paymentStatus: 'unpaid',
      paidCents: 0,
      balanceCents: invoice.totalCents,
      currency: 'USD',
      job: { id: job.id, title: 'Front brakes' },
      vehicle: { id: vehicle.id },
      customer: { id: customer.id },
    });
    expect(invoice.number).toMatch(new RegExp(`^INV-${new Date().getUTCFullYear()}-\\d{4}$`));
  });

  it('bills labor at the shop labor rate when no price is given, and takes form fields with decimal prices', async () => {
    const { job } = await completedJob();
    const form = invoiceForm({
      'lines.0.kind': 'labor',
      'lines.0.description': 'Diagnosis',
      'lines.0.quantity': '0.5',
      'lines.1.kind': 'part',
      'lines.1.description': 'Oil filter',
      'lines.1.quantity': '1',
      'lines.1.unitPrice': '12.5',
    });
    const invoice = await throughForm(form, (input) => issueInvoice(admin, job.id, input));
    expect(invoice.lines.map((line) => line.unitPriceCents)).toEqual([12_000, 1_250]);
    expect(invoice.subtotalCents).toBe(6_000 + 1_250);
  });

  it('keeps the tax rate the invoice was issued with when the settings change later', async () => {
    const { job } = await completedJob();
    const invoice = await issueInvoice(admin, job.id, simpleLines());
    const other = await createUser('admin');
    await updateShopSettings(other, { partTaxBasisPoints: 2_000 });
    try {
      expect((await getInvoice(admin, invoice.id)).lines[0]!.taxRateBasisPoints).toBe(825);
    } finally {
      await updateShopSettings(other, { partTaxBasisPoints: 825 });
    }
  });

  it('refuses lines that are not valid, with the field that is wrong', async () => {
    const { job } = await completedJob();
    const empty = await refusal(() => issueInvoice(admin, job.id, { lines: [] }));
    expect(empty).toMatchObject({ kind: 'invalid' });
    const bad = await invalidFieldNames(() =>
      issueInvoice(admin, job.id, {
        lines: [{ kind: 'tyre', description: ' ', quantity: '1.255', unitPriceCents: -1 }],
      }),
    );
    expect(bad).toEqual(['lines.0.description', 'lines.0.kind', 'lines.0.quantity', 'lines.0.unitPriceCents']);
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(invoices)
      .where(eq(invoices.jobId, job.id));
    expect(row!.count).toBe(0);
  });

  it('invoices only a completed job', async () => {
    for (const status of ['created', 'in_progress'] as const) {
      const { job } = await jobIn(status);
      const result = await refusal(() => issueInvoice(admin, job.id, simpleLines()));
      expect(result).toMatchObject({ kind: 'conflict', message: 'Only a completed job can be invoiced' });
    }
    expect(
      await refusal(() => issueInvoice(admin, '00000000-0000-4000-8000-000000000000', simpleLines())),
    ).toMatchObject({ kind: 'not_found' });
  });

  it('allows one live invoice per job', async () => {
    const { job } = await completedJob();
    await issueInvoice(admin, job.id, simpleLines());
    expect(await refusal(() => issueInvoice(admin, job.id, simpleLines()))).toMatchObject({
      kind: 'conflict',
      message: 'This job already has an invoice',
    });
    expect((await getInvoiceableJob(admin, job.id)).liveInvoice).not.toBeNull();
  });

  it('makes exactly one invoice out of 20 simultaneous attempts for one job', async () => {
    const { job } = await completedJob();
    const before = await nextSequence();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => issueInvoice(admin, job.id, simpleLines())),
    );
    const issued = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result) => result.status === 'rejected');
    expect(issued).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const result of refused) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ kind: 'conflict' });
    }
    const rows = await db.select().from(invoices).where(eq(invoices.jobId, job.id));
    expect(rows).toHaveLength(1);
    // No number was used up by the refused attempts.
    expect(rows[0]!.sequence).toBe(before);
    expect(await nextSequence()).toBe(before + 1);
  });
});

async function nextSequence(): Promise<number> {
  const year = new Date().getUTCFullYear();
  const result = (await db.execute(sql`select last_number from invoice_counters where year = ${year}`)) as unknown as {
    rows: { last_number: number }[];
  };
  return (result.rows[0]?.last_number ?? 0) + 1;
}

describe('invoice numbers', () => {
  it('are gapless within the year and never reused after a void', async () => {
    const first = await issueInvoice(admin, (await completedJob()).job.id, simpleLines());
    const second = await issueInvoice(admin, (await completedJob()).job.id, simpleLines());
    expect(sequenceOf(second.number)).toBe(sequenceOf(first.number) + 1);

    const voided = await voidInvoice(admin, second.id, { reason: 'Wrong part number' });
    expect(voided.number).toBe(second.number);
    const third = await issueInvoice(admin, (await completedJob()).job.id, simpleLines());
    expect(sequenceOf(third.number)).toBe(sequenceOf(second.number) + 1);

    // The voided job gets a new invoice with the next number, not the voided one's.
    const reissued = await issueInvoice(admin, voided.job.id, simpleLines(9_000));
    expect(sequenceOf(reissued.number)).toBe(sequenceOf(third.number) + 1);
    expect(reissued.number).toMatch(/^INV-\d{4}-\d{4}$/);
    expect(reissued.number).toBe(formatInvoiceNumber(reissued.year, reissued.sequence));
  });

  it('are written by the database exactly as formatInvoiceNumber writes them', async () => {
    for (const sequence of [1, 42, 999, 1_000, 9_999, 10_000, 123_456]) {
      const result = (await db.execute(
        sql`select ${invoiceNumberSql(2026, sql<number>`${sequence}::int`)} as number`,
      )) as unknown as {
        rows: { number: string }[];
      };
      expect(result.rows[0]!.number).toBe(formatInvoiceNumber(2026, sequence));
    }
  });

  it('do not skip a number when an attempt is refused', async () => {
    const before = await nextSequence();
    const { job } = await jobIn('in_progress');
    await refusal(() => issueInvoice(admin, job.id, simpleLines()));
    const issued = await issueInvoice(admin, (await completedJob()).job.id, simpleLines());
    expect(sequenceOf(issued.number)).toBe(before);
  });
});

describe('an issued invoice', () => {
  it('cannot be changed through SQL: neither its totals nor its lines', async () => {
    const { job } = await completedJob();
    const invoice = await issueInvoice(admin, job.id, simpleLines());
    const refusedUpdate = async (work: () => Promise<unknown>) => {
      try {
        await work();
        return 'no error';
      } catch (error) {
        return postgresError(error)?.code ?? 'other';
      }
    };
    expect(
      await refusedUpdate(() =>
        db.update(invoices).set({ totalCents: 1, subtotalCents: 1, taxCents: 0 }).where(eq(invoices.id, invoice.id)),
      ),
    ).toBe('23514');
    expect(
      await refusedUpdate(() =>
        db.update(invoiceLines).set({ unitPriceCents: 1 }).where(eq(invoiceLines.invoiceId, invoice.id)),
      ),
    ).toBe('23001');
    expect(
      await refusedUpdate(() =>
        db.update(invoiceLines).set({ description: 'Changed' }).where(eq(invoiceLines.invoiceId, invoice.id)),
      ),
    ).toBe('23001');
    const after = await getInvoice(admin, invoice.id);
    expect(after.totalCents).toBe(invoice.totalCents);
    expect(after.lines[0]!.description).toBe('Brake pads');
  });
});

describe('payments', () => {
  it('move the invoice from unpaid to partially paid to paid', async () => {
    const { job } = await completedJob();
    const invoice = await issueInvoice(admin, job.id, simpleLines(10_000)); // 100.00 + 8.25 tax
    expect(invoice.totalCents).toBe(10_825);
    const partial = await recordPayment(admin, invoice.id, { amountCents: 4_000, method: 'cash' });
    expect(partial).toMatchObject({ paymentStatus: 'partially_paid', paidCents: 4_000, balanceCents: 6_825 });
    const form = paymentForm({ amount: '68.25', method: 'bank_transfer', receivedAt: '2026-01-15' });
    const paid = await throughForm(form, (input) => recordPayment(admin, invoice.id, input));
    expect(paid).toMatchObject({ paymentStatus: 'paid', paidCents: 10_825, balanceCents: 0 });
    expect(paid.payments.map((payment) => [payment.amountCents, payment.method])).toEqual(
      expect.arrayContaining([
        [4_000, 'cash'],
        [6_825, 'bank_transfer'],
      ]),
    );
    // Oldest received first, with the stored times as Dates and who recorded each.
    const stored = await db
      .select()
      .from(payments)
      .where(eq(payments.invoiceId, invoice.id))
      .orderBy(asc(payments.receivedAt));
    expect(stored.map((row) => row.method)).toEqual(['bank_transfer', 'cash']);
    expect(paid.payments).toEqual(
      stored.map((row) => ({
        id: row.id,
        amountCents: row.amountCents,
        method: row.method,
        receivedAt: row.receivedAt,
        recordedBy: { id: admin.id, name: admin.name },
        createdAt: row.createdAt,
      })),
    );
    expect(await getInvoice(admin, invoice.id)).toEqual(paid);
  });

  it('refuse an amount above the open balance, writing nothing', async () => {
    const { job } = await completedJob();
    const invoice = await issueInvoice(admin, job.id, simpleLines(10_000));
    await recordPayment(admin, invoice.id, { amountCents: 10_000, method: 'card' });
    const refused = await refusal(() => recordPayment(admin, invoice.id, { amountCents: 826, method: 'card' }));
    expect(refused).toMatchObject({ kind: 'conflict' });
    expect((refused as DomainError).fieldErrors.amountCents).toBeDefined();
    const rows = await db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(rows).toHaveLength(1);
    expect((await getInvoice(admin, invoice.id)).paidCents).toBe(10_000);
  });

  it('never add up to more than the total, even when recorded at the same moment', async () => {
    const { job } = await completedJob();
    const invoice = await issueInvoice(admin, job.id, simpleLines(10_000)); // 108.25
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => recordPayment(admin, invoice.id, { amountCents: 2_500, method: 'cash' })),
    );
    const recorded = results.filter((result) => result.status === 'fulfilled').length;
    expect(recorded).toBe(4);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ kind: 'conflict' });
    }
    const [row] = await db
      .select({ total: sql<number>`coalesce(sum(${payments.amountCents}), 0)::int` })
      .from(payments)
      .where(eq(payments.invoiceId, invoice.id));
    expect(row!.total).toBe(10_000);
    expect(row!.total).toBeLessThanOrEqual(invoice.totalCents);
    expect((await getInvoice(admin, invoice.id)).paidCents).toBe(10_000);
  });

  it('refuse a zero, negative or missing amount and an unknown method', async () => {
    const { job } = await completedJob();
    const invoice = await issueInvoice(admin, job.id, simpleLines());
    for (const input of [
      { amountCents: 0, method: 'cash' },
      { amountCents: -5, method: 'cash' },
      { method: 'cash' },
      { amount: 'abc', method: 'cash' },
      { amountCents: 100, method: 'cheque' },
    ]) {
      expect(await refusal(() => recordPayment(admin, invoice.id, input))).toMatchObject({ kind: 'invalid' });
    }
  });
});

describe('voiding', () => {
  it('needs a reason, keeps the reason and frees the job for a new invoice', async () => {
    const { job } = await completedJob();
    const invoice = await issueInvoice(admin, job.id, simpleLines());
    expect(await refusal(() => voidInvoice(admin, invoice.id, { reason: '   ' }))).toMatchObject({
      kind: 'invalid',
      fieldErrors: { reason: expect.any(Array) },
    });
    const voided = await voidInvoice(admin, invoice.id, { reason: 'Wrong labor hours' });
    expect(voided).toMatchObject({
      status: 'void',
      paymentStatus: 'void',
      voidReason: 'Wrong labor hours',
      balanceCents: 0,
    });
    expect(voided.voidedBy?.id).toBe(admin.id);
    expect(await refusal(() => voidInvoice(admin, invoice.id, { reason: 'Again' }))).toMatchObject({
      kind: 'conflict',
    });
    expect((await getInvoiceableJob(admin, job.id)).liveInvoice).toBeNull();
    const replacement = await issueInvoice(admin, job.id, simpleLines(5_000));
    expect(replacement.id).not.toBe(invoice.id);
  });

  it('a void invoice takes no payments', async () => {
    const { job } = await completedJob();
    const invoice = await issueInvoice(admin, job.id, simpleLines());
    await voidInvoice(admin, invoice.id, { reason: 'Duplicate' });
    expect(await refusal(() => recordPayment(admin, invoice.id, { amountCents: 100, method: 'cash' }))).toMatchObject({
      kind: 'conflict',
      message: 'A void invoice takes no payments.',
    });
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(0);
  });
});

describe('the invoice list', () => {
  it('filters by payment status and balance, and pages newest first without repeats', async () => {
    const unpaid = await issueInvoice(admin, (await completedJob()).job.id, simpleLines());
    const partial = await issueInvoice(admin, (await completedJob()).job.id, simpleLines());
    await recordPayment(admin, partial.id, { amountCents: 100, method: 'cash' });
    const paid = await issueInvoice(admin, (await completedJob()).job.id, simpleLines());
    await recordPayment(admin, paid.id, { amountCents: paid.totalCents, method: 'card' });
    const voided = await issueInvoice(admin, (await completedJob()).job.id, simpleLines());
    await voidInvoice(admin, voided.id, { reason: 'Test' });

    const ids = async (filter: Parameters<typeof listInvoices>[1]) =>
      (await listInvoices(admin, { ...filter, limit: 100 })).data.map((invoice) => invoice.id);
    expect(await ids({ paymentStatus: 'unpaid' })).toContain(unpaid.id);
    expect(await ids({ paymentStatus: 'unpaid' })).not.toContain(partial.id);
    expect(await ids({ paymentStatus: 'partially_paid' })).toEqual(expect.arrayContaining([partial.id]));
    expect(await ids({ paymentStatus: 'paid' })).toContain(paid.id);
    expect(await ids({ paymentStatus: 'void' })).toContain(voided.id);
    expect(await ids({ paymentStatus: 'void' })).not.toContain(paid.id);
    const open = await ids({ balance: 'open' });
    expect(open).toEqual(expect.arrayContaining([unpaid.id, partial.id]));
    expect(open).not.toContain(paid.id);
    expect(open).not.toContain(voided.id);
    expect(await ids({ balance: 'settled' })).toContain(paid.id);

    // Page two at a time until this test's four invoices have all gone by (a shared database holds others too).
    const ours = new Set([unpaid.id, partial.id, paid.id, voided.id]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listInvoices(admin, { limit: 2, cursor });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((invoice) => invoice.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && ![...ours].every((id) => seen.includes(id)));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => ours.has(id))).toEqual([voided.id, paid.id, partial.id, unpaid.id]);
    const withBalance = (await listInvoices(admin, { limit: 100 })).data.find((invoice) => invoice.id === partial.id);
    expect(withBalance?.balanceCents).toBe(partial.totalCents - 100);
    expect(await refusal(() => listInvoices(admin, { cursor: 'nonsense' }))).toMatchObject({ kind: 'invalid' });
  });

  it('shows completed jobs that still need an invoice', async () => {
    const { job } = await completedJob();
    const ready = async () => {
      const found: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listJobsReadyToInvoice(admin, { limit: 50, cursor });
        found.push(...page.data.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return found;
    };
    const flag = async () =>
      (await db.select({ has: jobs.hasLiveInvoice }).from(jobs).where(eq(jobs.id, job.id)))[0]!.has;
    expect(await ready()).toContain(job.id);
    expect(await flag()).toBe(false);
    const invoice = await issueInvoice(admin, job.id, simpleLines());
    expect(await ready()).not.toContain(job.id);
    expect(await flag()).toBe(true);
    // Voided, the job needs an invoice again; issued again, it does not.
    await voidInvoice(admin, invoice.id, { reason: 'Wrong customer' });
    expect(await ready()).toContain(job.id);
    expect(await flag()).toBe(false);
    await issueInvoice(admin, job.id, simpleLines());
    expect(await ready()).not.toContain(job.id);
    expect(await flag()).toBe(true);
  });

  it('keeps the "has a live invoice" flag out of the audit trail (the invoice events say it)', async () => {
    const { job } = await completedJob();
    const before = await lastAuditId();
    const invoice = await runWithRequestContext({ actorId: admin.id, origin: 'api' }, () =>
      issueInvoice(admin, job.id, simpleLines()),
    );
    await runWithRequestContext({ actorId: admin.id, origin: 'api' }, () =>
      voidInvoice(admin, invoice.id, { reason: 'Typo in the name' }),
    );
    const events = await db
      .select({ entity: auditEvents.entity, entityId: auditEvents.entityId, action: auditEvents.action })
      .from(auditEvents)
      .where(and(gt(auditEvents.id, before), inArray(auditEvents.entityId, [job.id, invoice.id])));
    expect(events).toContainEqual({ entity: 'invoices', entityId: invoice.id, action: 'insert' });
    expect(events).toContainEqual({ entity: 'invoices', entityId: invoice.id, action: 'update' });
    expect(events.filter((event) => event.entity === 'jobs')).toEqual([]);
  });
});

describe('invoices are for admins only', () => {
  it('refuses a worker every invoice function', async () => {
    const worker = await createUser('worker');
    const { job } = await completedJob();
    const invoice = await issueInvoice(admin, job.id, simpleLines());
    const attempts: (() => Promise<unknown>)[] = [
      () => issueInvoice(worker, job.id, simpleLines()),
      () => listInvoices(worker),
      () => getInvoice(worker, invoice.id),
      () => getInvoiceableJob(worker, job.id),
      () => listJobsReadyToInvoice(worker),
      () => recordPayment(worker, invoice.id, { amountCents: 100, method: 'cash' }),
      () => voidInvoice(worker, invoice.id, { reason: 'No' }),
    ];
    for (const attempt of attempts) {
      expect(await refusal(attempt)).toMatchObject({ kind: 'forbidden' });
    }
    expect(await refusal(() => listInvoices(null))).toMatchObject({ kind: 'unauthorized' });
    const after = await getInvoice(admin, invoice.id);
    expect(after).toMatchObject({ status: 'issued', paidCents: 0 });
  });
});
