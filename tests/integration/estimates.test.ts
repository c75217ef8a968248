import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/db/core/actor';
import { getDb, type Database } from '@/db/client';
import { DomainError, postgresError } from '@/db/core/errors';
import {
  answerPublicEstimate,
  approvedLinesForInvoice,
  createEstimate,
  estimateBadges,
  getEstimate,
  getPublicEstimate,
  listJobEstimates,
  recordAuthorization,
  reviseEstimate,
  sendEstimate,
  updateEstimate,
  PUBLIC_REQUESTS_PER_MINUTE,
} from '@/db/estimates';
import { issueInvoice } from '@/db/invoices';
import { changeJobStatus, createJob, setJobAssignees } from '@/db/jobs';
import { auditEvents, estimateAuthorizations, estimateLines, estimates } from '@/db/schema';
import { updateShopSettings } from '@/db/settings';
import { createCustomerWithVehicle, createUser, refusal, testShopSettings } from './support';

let db: Database;
let admin: Actor;
let worker: Actor;
let stranger: Actor;
let address = 0;
const client = () => ({ address: `198.51.100.${++address % 250}-${Math.random()}`, userAgent: 'Phone' });

beforeAll(async () => {
  db = await getDb();
  admin = await createUser('admin');
  worker = await createUser('worker');
  stranger = await createUser('worker');
  await updateShopSettings(admin, {
    ...testShopSettings,
    approvalTolerancePercent: 10,
    estimateValidDays: 7,
  });
});

const brakeLines = [
  { kind: 'labor', description: 'Replace front pads', quantity: '1.5', unitPriceCents: 12_000 },
  { kind: 'part', description: 'Brake pads', quantity: 1, unitPriceCents: 8_000 },
  { kind: 'fee', description: 'Disposal', quantity: 1, unitPriceCents: 1_000 },
];

async function jobFor(assignee: Actor | null = worker) {
  const { vehicle } = await createCustomerWithVehicle(admin);
  const job = await createJob(admin, { vehicleId: vehicle.id, title: 'Brakes squeal' });
  if (assignee) await setJobAssignees(admin, job.id, { userIds: [assignee.id] });
  return job;
}

async function sentEstimate(lines: unknown[] = brakeLines) {
  const job = await jobFor();
  const draft = await createEstimate(admin, job.id, { lines });
  const sent = await sendEstimate(admin, draft.id);
  const token = sent.approvalUrl.split('/approve/')[1]!;
  return { job, draft, sent, token };
}

async function completeJob(jobId: string) {
  await changeJobStatus(admin, jobId, { status: 'in_progress' });
  await changeJobStatus(admin, jobId, { status: 'completed' });
}

/** A sent estimate whose second line alone Ann approved by phone, on a job then completed. */
async function completedWithPadsApproved() {
  const { job, draft } = await sentEstimate();
  await recordAuthorization(admin, draft.id, {
    channel: 'phone',
    authorizedBy: 'Ann',
    approvedLineIds: [draft.lines[1]!.id],
  });
  await completeJob(job.id);
  return { job, draft };
}

describe('estimates', () => {
  it('prices an estimate like an invoice: tax by kind, rounded half up, totals in cents', async () => {
    const job = await jobFor();
    const estimate = await createEstimate(worker, job.id, { lines: brakeLines, notes: 'Pads worn' });
    expect(estimate.status).toBe('draft');
    expect(estimate.version).toBe(1);
    // 1.5 h × $120 = $180 + 10 %; $80 + 8.25 % = $6.60; $10 + 5 %.
    expect(estimate.lines.map((line) => [line.quantity, line.lineTotalCents, line.taxCents, line.totalCents])).toEqual([
      ['1.50', 18_000, 1_800, 19_800],
      ['1.00', 8_000, 660, 8_660],
      ['1.00', 1_000, 50, 1_050],
    ]);
    expect([estimate.subtotalCents, estimate.taxCents, estimate.totalCents]).toEqual([27_000, 2_510, 29_510]);
    expect(estimate.approvedTotalCents).toBeNull();
    expect(estimate.validDays).toBe(7);
  });

  it('a new version supersedes the current one, and versions list newest first', async () => {
    const job = await jobFor();
    const first = await createEstimate(admin, job.id, { lines: brakeLines });
    const second = await createEstimate(admin, job.id, { lines: brakeLines.slice(0, 1) });
    expect(second.version).toBe(2);
    const versions = await listJobEstimates(worker, job.id);
    expect(versions.map((entry) => [entry.version, entry.status])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);
    expect((await getEstimate(admin, first.id)).status).toBe('superseded');
  });

  it('edits a draft, but a sent estimate cannot be edited or sent again', async () => {
    const job = await jobFor();
    const draft = await createEstimate(admin, job.id, { lines: brakeLines });
    const edited = await updateEstimate(worker, draft.id, { lines: brakeLines.slice(1), validDays: 3 });
    expect(edited.lines).toHaveLength(2);
    expect(edited.totalCents).toBe(9_710);
    const sent = await sendEstimate(worker, draft.id);
    expect(sent.expiresAt.getTime() - sent.estimate.sentAt!.getTime()).toBe(3 * 86_400_000);
    expect(sent.approvalUrl).toMatch(/^https?:\/\/.+\/approve\/[A-Za-z0-9_-]{43}$/);
    expect(await refusal(() => updateEstimate(admin, draft.id, { lines: brakeLines }))).toMatchObject({
      kind: 'conflict',
    });
    expect(await refusal(() => sendEstimate(admin, draft.id))).toMatchObject({
      kind: 'conflict',
      message: 'This estimate has already been sent.',
    });
  });

  it("the database freezes a sent estimate's lines and totals whoever connects", async () => {
    const { draft } = await sentEstimate();
    const frozen = async (statement: ReturnType<typeof sql>) => {
      try {
        await db.execute(statement);
        return 'changed';
      } catch (error) {
        return postgresError(error)?.code;
      }
    };
    expect(
      await frozen(sql`update estimates set total_cents = 1, subtotal_cents = 1, tax_cents = 0 where id = ${draft.id}`),
    ).toBe('23514');
    expect(await frozen(sql`update estimate_lines set unit_price_cents = 1 where estimate_id = ${draft.id}`)).toBe(
      '23001',
    );
    expect(
      await frozen(sql`insert into estimate_lines (estimate_id, revision, position, kind, description, quantity, unit_price_cents, tax_rate_basis_points, line_total_cents, tax_cents)
        values (${draft.id}, 9, 1, 'fee', 'Extra', 1, 100, 0, 100, 0)`),
    ).toBe('23514');
    expect(await frozen(sql`delete from estimate_lines where estimate_id = ${draft.id}`)).toBe('23001');
    expect(await frozen(sql`update estimates set status = 'draft' where id = ${draft.id}`)).toBe('23514');
  });

  it('stores only the SHA-256 of the approval token, never the token', async () => {
    const { draft, token } = await sentEstimate();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [row] = await db.select().from(estimates).where(eq(estimates.id, draft.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const found = await db.execute(sql`select 1 from audit_events where after::text like ${'%' + token + '%'}`);
    expect((found as unknown as { rows: unknown[] }).rows).toHaveLength(0);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('revising makes a new draft with the same lines and kills the old link', async () => {
    const { draft, token } = await sentEstimate();
    const revised = await reviseEstimate(worker, draft.id);
    expect([revised.version, revised.status]).toEqual([2, 'draft']);
    expect(revised.lines.map((line) => line.description)).toEqual(brakeLines.map((line) => line.description));
    expect(revised.totalCents).toBe(29_510);
    expect(await refusal(() => getPublicEstimate(token, client()))).toMatchObject({ kind: 'gone' });
    expect(
      await refusal(() => answerPublicEstimate(token, { approvedLineIds: [], name: 'Ann' }, client())),
    ).toMatchObject({
      kind: 'gone',
    });
    expect(await refusal(() => reviseEstimate(admin, draft.id))).toMatchObject({ kind: 'conflict' });
  });

  it('the customer approves part of the work by link: the record holds the lines, total, name and client', async () => {
    const { draft, token } = await sentEstimate();
    const seen = await getPublicEstimate(token, client());
    expect(seen.status).toBe('sent');
    expect(seen.shop.name).toBe('Test Garage');
    expect(seen.vehicle).toMatchObject({ make: 'Toyota', model: 'Corolla' });
    expect(seen.complaint).toBe('Brakes squeal');
    const chosen = [seen.lines[0]!.id, seen.lines[2]!.id];
    const answered = await answerPublicEstimate(
      token,
      { approvedLineIds: chosen, name: 'Ann Driver' },
      {
        address: '203.0.113.9',
        userAgent: 'Mobile Safari',
      },
    );
    expect(answered.status).toBe('approved');
    expect(answered.approvedTotalCents).toBe(19_800 + 1_050);
    const estimate = await getEstimate(admin, draft.id);
    expect(estimate.authorizations).toEqual([
      expect.objectContaining({
        channel: 'link',
        authorizedBy: 'Ann Driver',
        approvedLineIds: chosen,
        recordedBy: null,
      }),
    ]);
    const [record] = await db
      .select()
      .from(estimateAuthorizations)
      .where(eq(estimateAuthorizations.estimateId, draft.id));
    expect([record!.clientAddress, record!.userAgent]).toEqual(['203.0.113.9', 'Mobile Safari']);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, record!.id));
    expect(events.map((event) => [event.origin, event.actorId])).toEqual([['public', null]]);
    expect(
      await refusal(() => answerPublicEstimate(token, { approvedLineIds: [], name: 'Ann' }, client())),
    ).toMatchObject({
      kind: 'conflict',
    });
  });

  it('an empty list declines; a foreign line id or a missing name is refused and writes nothing', async () => {
    const { draft, token } = await sentEstimate();
    const other = await sentEstimate();
    const foreign = (await getEstimate(admin, other.draft.id)).lines[0]!.id;
    expect(
      await refusal(() => answerPublicEstimate(token, { approvedLineIds: [foreign], name: 'Ann' }, client())),
    ).toMatchObject({
      kind: 'invalid',
      fieldErrors: { approvedLineIds: expect.any(Array) },
    });
    expect(
      await refusal(() => answerPublicEstimate(token, { approvedLineIds: [], name: '  ' }, client())),
    ).toMatchObject({
      kind: 'invalid',
      fieldErrors: { name: expect.any(Array) },
    });
    expect((await getEstimate(admin, draft.id)).status).toBe('sent');
    const declined = await answerPublicEstimate(token, { approvedLineIds: [], name: 'Ann' }, client());
    expect([declined.status, declined.approvedTotalCents]).toEqual(['declined', 0]);
  });

  it('an unknown token is not found, an expired one is gone and cannot be answered by phone either', async () => {
    expect(await refusal(() => getPublicEstimate('A'.repeat(43), client()))).toMatchObject({ kind: 'not_found' });
    expect(await refusal(() => getPublicEstimate('../../etc', client()))).toMatchObject({ kind: 'not_found' });
    const { draft, token } = await sentEstimate();
    await db.execute(sql`alter table estimates disable trigger estimates_guard`);
    try {
      await db
        .update(estimates)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(estimates.id, draft.id));
    } finally {
      await db.execute(sql`alter table estimates enable trigger estimates_guard`);
    }
    expect((await getEstimate(admin, draft.id)).status).toBe('expired');
    expect(await refusal(() => getPublicEstimate(token, client()))).toMatchObject({ kind: 'gone' });
    expect(
      await refusal(() =>
        recordAuthorization(admin, draft.id, { channel: 'phone', authorizedBy: 'Ann', approvedLineIds: [] }),
      ),
    ).toMatchObject({ kind: 'conflict' });
  });

  it(`allows ${PUBLIC_REQUESTS_PER_MINUTE} public requests a minute from one address, then 429`, async () => {
    const { token } = await sentEstimate();
    const from = { address: `192.0.2.${Math.floor(Math.random() * 250)}-${Date.now()}`, userAgent: null };
    for (let i = 0; i < PUBLIC_REQUESTS_PER_MINUTE; i++) await getPublicEstimate(token, from);
    const refused = await refusal(() => getPublicEstimate(token, from));
    expect(refused).toMatchObject({ kind: 'throttled' });
    expect((refused as DomainError).retryAfterSeconds).toBeGreaterThan(0);
    expect(await getPublicEstimate(token, client())).toMatchObject({ status: 'sent' });
  });

  it('staff record a phone approval with the authorizer name; a draft cannot be answered', async () => {
    const job = await jobFor();
    const draft = await createEstimate(admin, job.id, { lines: brakeLines });
    const lineIds = draft.lines.map((line) => line.id);
    expect(
      await refusal(() =>
        recordAuthorization(worker, draft.id, { channel: 'phone', authorizedBy: 'Ann', approvedLineIds: lineIds }),
      ),
    ).toMatchObject({ kind: 'conflict' });
    await sendEstimate(worker, draft.id);
    expect(
      await refusal(() =>
        recordAuthorization(worker, draft.id, { channel: 'phone', authorizedBy: '', approvedLineIds: lineIds }),
      ),
    ).toMatchObject({ kind: 'invalid', fieldErrors: { authorizedBy: expect.any(Array) } });
    const record = await recordAuthorization(worker, draft.id, {
      channel: 'phone',
      authorizedBy: 'Ann Driver',
      approvedLineIds: lineIds.slice(0, 2),
      note: 'Called at 10:05',
    });
    expect(record).toMatchObject({ channel: 'phone', approvedTotalCents: 28_460, recordedBy: { id: worker.id } });
    const changed = await db
      .execute(sql`update estimate_authorizations set approved_total_cents = 1 where id = ${record.id}`)
      .then(
        () => 'changed',
        (error) => postgresError(error)?.code,
      );
    expect(changed).toBe('23001');
  });

  it('a worker who cannot see the job gets not found for every estimate call', async () => {
    const { draft, job } = await sentEstimate();
    const calls = [
      () => createEstimate(stranger, job.id, { lines: brakeLines }),
      () => listJobEstimates(stranger, job.id),
      () => getEstimate(stranger, draft.id),
      () => updateEstimate(stranger, draft.id, { lines: brakeLines }),
      () => sendEstimate(stranger, draft.id),
      () => reviseEstimate(stranger, draft.id),
      () => recordAuthorization(stranger, draft.id, { channel: 'phone', authorizedBy: 'Ann', approvedLineIds: [] }),
    ];
    for (const call of calls) expect(await refusal(call)).toMatchObject({ kind: 'not_found' });
    expect(await refusal(() => getEstimate(null, draft.id))).toMatchObject({ kind: 'unauthorized' });
  });

  it('two answers racing for one version record exactly one; the others get 409', async () => {
    const { draft, token } = await sentEstimate();
    const lineIds = draft.lines.map((line) => line.id);
    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        index % 2 === 0
          ? answerPublicEstimate(token, { approvedLineIds: lineIds, name: `Customer ${index}` }, client())
          : recordAuthorization(admin, draft.id, {
              channel: 'phone',
              authorizedBy: `Caller ${index}`,
              approvedLineIds: [],
            }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(1);
    for (const answer of answers.filter((entry) => entry.status === 'rejected')) {
      expect((answer as PromiseRejectedResult).reason).toMatchObject({ kind: 'conflict' });
    }
    const rows = await db.select().from(estimateAuthorizations).where(eq(estimateAuthorizations.estimateId, draft.id));
    expect(rows).toHaveLength(1);
  });

  it('shows Awaiting approval while sent and unanswered, Approved once approved', async () => {
    const { job, draft } = await sentEstimate();
    const none = await jobFor();
    expect((await estimateBadges(worker, [job.id, none.id])).get(job.id)).toBe('awaiting_approval');
    await recordAuthorization(admin, draft.id, {
      channel: 'in_person',
      authorizedBy: 'Ann',
      approvedLineIds: [draft.lines[0]!.id],
    });
    const badges = await estimateBadges(worker, [job.id, none.id]);
    expect([badges.get(job.id), badges.get(none.id)]).toEqual(['approved', undefined]);
    expect((await estimateBadges(stranger, [job.id])).get(job.id)).toBeUndefined();
  });
});

describe('invoices and the authorization', () => {
  it('the invoice starts from the approved lines and is issued within the tolerance', async () => {
    const { job, draft, token } = await sentEstimate();
    await answerPublicEstimate(
      token,
      { approvedLineIds: [draft.lines[0]!.id, draft.lines[1]!.id], name: 'Ann' },
      client(),
    );
    const lines = await approvedLinesForInvoice(admin, job.id);
    expect(lines!.map((line) => line.description)).toEqual(['Replace front pads', 'Brake pads']);
    await completeJob(job.id);
    // Approved $284.60; +10 % allows up to $313.06.
    const invoice = await issueInvoice(admin, job.id, {
      lines: [
        ...lines!.map(({ kind, description, quantity, unitPriceCents }) => ({
          kind,
          description,
          quantity,
          unitPriceCents,
        })),
        { kind: 'fee', description: 'Shop supplies', quantity: 1, unitPriceCents: 2_000 },
      ],
    });
    expect(invoice.totalCents).toBe(28_460 + 2_100);
  });

  it("refuses an invoice over the customer's authorization by more than the tolerance, naming both amounts", async () => {
    const { job } = await completedWithPadsApproved();
    // Approved $86.60; an invoice of $200 + 8.25 % = $216.50 exceeds it by $129.90.
    const refused = await refusal(() =>
      issueInvoice(admin, job.id, {
        lines: [{ kind: 'part', description: 'Brake pads', quantity: 1, unitPriceCents: 20_000 }],
      }),
    );
    expect(refused).toMatchObject({
      kind: 'conflict',
      message: "This invoice exceeds the customer's authorization of $86.60 by $129.90 — record a new authorization.",
    });
  });

  it('a job whose current estimate awaits an answer cannot be invoiced; a job without estimates is invoiced as today', async () => {
    const { job } = await sentEstimate();
    await completeJob(job.id);
    const line = { kind: 'fee', description: 'Diagnosis', quantity: 1, unitPriceCents: 1_000 };
    expect(await refusal(() => issueInvoice(admin, job.id, { lines: [line] }))).toMatchObject({ kind: 'conflict' });
    const plain = await jobFor(null);
    await completeJob(plain.id);
    expect(await refusal(() => issueInvoice(admin, plain.id, { lines: [line] }))).toBe('allowed');
  });

  it('an invoice racing a new authorization is either refused or issued within what was authorized', async () => {
    for (let round = 0; round < 5; round++) {
      const { job, draft, token } = await sentEstimate();
      await completeJob(job.id);
      const line = { kind: 'part', description: 'Brake pads', quantity: 1, unitPriceCents: 8_000 };
      const [invoice, answer] = await Promise.allSettled([
        issueInvoice(admin, job.id, { lines: [line] }),
        answerPublicEstimate(token, { approvedLineIds: [draft.lines[1]!.id], name: 'Ann' }, client()),
      ]);
      expect(answer.status).toBe('fulfilled');
      if (invoice.status === 'rejected') {
        expect(invoice.reason).toMatchObject({ kind: 'conflict' });
        expect(await refusal(() => issueInvoice(admin, job.id, { lines: [line] }))).toBe('allowed');
      } else {
        expect(invoice.value.totalCents).toBe(8_660);
      }
      // An invoice above what is being authorized is refused whichever comes first: unanswered, or over it.
      const next = await sentEstimate();
      await completeJob(next.job.id);
      const [issued] = await Promise.allSettled([
        issueInvoice(admin, next.job.id, { lines: [{ ...line, unitPriceCents: 20_000 }] }),
        recordAuthorization(admin, next.draft.id, {
          channel: 'phone',
          authorizedBy: 'Ann',
          approvedLineIds: [next.draft.lines[1]!.id],
        }),
      ]);
      expect(issued.status).toBe('rejected');
    }
  });

  it('40 parallel invoices against one approved estimate issue one invoice at most', async () => {
    const { job } = await completedWithPadsApproved();
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, index) =>
        issueInvoice(admin, job.id, {
          lines: [{ kind: 'part', description: 'Brake pads', quantity: 1, unitPriceCents: index % 2 ? 8_000 : 20_000 }],
        }),
      ),
    );
    const issued = results.filter((result) => result.status === 'fulfilled');
    expect(issued).toHaveLength(1);
    expect((issued[0] as PromiseFulfilledResult<{ totalCents: number }>).value.totalCents).toBe(8_660);
  });
});

void estimateLines;
