// The estimate endpoints over HTTP: status codes and shapes as the issue states them (snake_case, problem+json).
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { Actor } from '@/db/core/actor';
import { changeJobStatus, createJob } from '@/db/jobs';
import { estimates } from '@/db/schema';
import { updateShopSettings } from '@/db/settings';
import { callRoute, tokenFor } from './api-support';
import { createCustomerWithVehicle, createUser } from './support';

const route = async (folder: string) =>
  (await import(path.join(process.cwd(), 'app/api', folder, 'route.ts'))) as Record<string, unknown>;

/** The admin's call to a `/api/v1/…/{id}…` route (`template`: 'estimates/{id}/send') for one record. */
async function callWithId(method: string, template: string, id: string, json?: unknown) {
  const folder = `v1/${template.replace('{id}', '[id]')}`;
  return callRoute(await route(folder), method, `/api/v1/${template.replace('{id}', id)}`, {
    token,
    params: { id },
    json,
  });
}

let admin: Actor;
let token: string;
beforeAll(async () => {
  admin = await createUser('admin');
  token = await tokenFor(admin);
  await updateShopSettings(admin, { currency: 'USD', locale: 'en-US', laborTaxBasisPoints: 500 });
});

type Body = Record<string, unknown>;
const lines = [
  { kind: 'labor', description: 'Replace pads', quantity: '1.25', unit_price_cents: 10_000 },
  { kind: 'part', description: 'Pads', quantity: 2, unit_price_cents: 4_000 },
];
/** A v1 call as the admin: `v1('estimates/[id]/send', 'POST', { id })` (the path filled in from the params). */
async function v1(folder: string, method: string, params: Record<string, string>, json?: unknown) {
  const url = `/api/v1/${folder.replace(/\[(\w+)\]/g, (_, name: string) => params[name]!)}`;
  return callRoute(await route(`v1/${folder}`), method, url, { token, params, json });
}

async function completeJob(jobId: string) {
  await changeJobStatus(admin, jobId, { status: 'in_progress' });
  await changeJobStatus(admin, jobId, { status: 'completed' });
}

const from = () => ({ 'x-workshop-client-address': `api-test-${Math.random()}` });

async function jobWithSentEstimate() {
  const { vehicle } = await createCustomerWithVehicle(admin);
  const job = await createJob(admin, { vehicleId: vehicle.id, title: 'Grinding noise when braking' });
  const created = await callWithId('POST', 'jobs/{id}/estimates', job.id, {
    lines,
    notes: 'Front axle',
    valid_days: 5,
  });
  expect(created.status).toBe(201);
  const estimate = created.body as Body;
  const sent = await callWithId('POST', 'estimates/{id}/send', estimate.id as string);
  expect(sent.status).toBe(200);
  const answer = sent.body as { estimate: Body; approval_url: string; expires_at: string };
  return {
    job,
    estimate: answer.estimate,
    url: answer.approval_url,
    approvalToken: answer.approval_url.split('/approve/')[1]!,
  };
}

async function publicCall(method: string, approvalToken: string, json?: unknown, headers = from()) {
  return callRoute(await route('public/approvals/[token]'), method, `/api/public/approvals/${approvalToken}`, {
    params: { token: approvalToken },
    json,
    headers,
  });
}

describe('the estimate API', () => {
  it('creates, sends (an absolute approval URL) and refuses a second send with 409', async () => {
    const { estimate, url } = await jobWithSentEstimate();
    expect(estimate).toMatchObject({ version: 1, status: 'sent', approved_total_cents: null, notes: 'Front axle' });
    expect((estimate.lines as Body[])[0]).toMatchObject({ quantity: '1.25', unit_price_cents: 10_000 });
    expect(url).toMatch(/^https?:\/\/[^/]+\/approve\/[A-Za-z0-9_-]{43}$/);
    const again = await callWithId('POST', 'estimates/{id}/send', estimate.id as string);
    expect(again.status).toBe(409);
    const patch = await callWithId('PATCH', 'estimates/{id}', estimate.id as string, { lines });
    expect(patch.status).toBe(409);
  });

  it('the public link answers 404, 200, 422, 201, 409, and 410 once superseded', async () => {
    const { estimate, approvalToken } = await jobWithSentEstimate();
    expect((await publicCall('GET', 'x'.repeat(43))).status).toBe(404);
    const seen = await publicCall('GET', approvalToken);
    expect(seen.status).toBe(200);
    const body = seen.body as Body;
    expect(body).toMatchObject({ status: 'sent', complaint: 'Grinding noise when braking' });
    expect(JSON.stringify(body)).not.toContain(admin.email);
    const lineIds = (body.lines as Body[]).map((line) => line.id as string);
    expect((await publicCall('POST', approvalToken, { approved_line_ids: [lineIds[0]] })).status).toBe(422);
    const foreign = await publicCall('POST', approvalToken, {
      approved_line_ids: ['00000000-0000-4000-8000-000000000000'],
      name: 'Ann',
    });
    expect([foreign.status, Object.keys((foreign.body as Body).errors as Body)]).toEqual([422, ['approved_line_ids']]);
    const approved = await publicCall('POST', approvalToken, { approved_line_ids: [lineIds[0]], name: 'Ann Driver' });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approved_total_cents: (body.lines as Body[])[0]!.total_cents,
    });
    expect((await publicCall('POST', approvalToken, { approved_line_ids: [], name: 'Ann' })).status).toBe(409);
    const revised = await callWithId('POST', 'estimates/{id}/revise', estimate.id as string);
    expect([revised.status, (revised.body as Body).version]).toEqual([201, 2]);
    expect((await publicCall('GET', approvalToken)).status).toBe(410);
    expect((await publicCall('POST', approvalToken, { approved_line_ids: [], name: 'Ann' })).status).toBe(410);
  });

  it('answers 429 with Retry-After past 20 requests a minute from one address', async () => {
    const { approvalToken } = await jobWithSentEstimate();
    const headers = from();
    for (let i = 0; i < 20; i++) expect((await publicCall('GET', approvalToken, undefined, headers)).status).toBe(200);
    const refused = await publicCall('GET', approvalToken, undefined, headers);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('records a phone authorization (201) and refuses an invoice beyond it with 409 naming both amounts', async () => {
    const { job, estimate } = await jobWithSentEstimate();
    const lineIds = (estimate.lines as Body[]).map((line) => line.id as string);
    const recorded = await callWithId('POST', 'estimates/{id}/authorizations', estimate.id as string, {
      channel: 'phone',
      authorized_by: 'Ann',
      approved_line_ids: [lineIds[1]],
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ channel: 'phone', authorized_by: 'Ann', approved_line_ids: [lineIds[1]] });
    const approvedTotal = (recorded.body as Body).approved_total_cents as number;
    await changeJobStatus(admin, job.id, { status: 'in_progress' });
    await changeJobStatus(admin, job.id, { status: 'completed' });
    const invoice = await callWithId('POST', 'jobs/{id}/invoice', job.id, {
      lines: [{ kind: 'fee', description: 'Everything', quantity: 1, unit_price_cents: approvedTotal * 2 }],
    });
    expect(invoice.status).toBe(409);
    expect((invoice.body as Body).detail).toMatch(
      /^This invoice exceeds the customer's authorization of \$[\d,.]+ by \$[\d,.]+ — record a new authorization\.$/,
    );
    const list = await callWithId('GET', 'jobs/{id}/estimates', job.id);
    expect((list.body as { data: Body[] }).data[0]).toMatchObject({
      status: 'approved',
      approved_total_cents: approvedTotal,
    });
  });

  it('reads an estimate with its lines, totals and answers; a draft is patched (200), a sent one is not (409)', async () => {
    const { job } = await jobWithSentEstimate();
    const draft = await v1('jobs/[id]/estimates', 'POST', { id: job.id }, { lines });
    expect(draft.status).toBe(201);
    const id = (draft.body as Body).id as string;
    const patched = await v1('estimates/[id]', 'PATCH', { id }, { lines: lines.slice(0, 1), notes: 'Pads only' });
    expect(patched.status).toBe(200);
    const read = await v1('estimates/[id]', 'GET', { id });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id,
      job_id: job.id,
      version: 2,
      status: 'draft',
      subtotal_cents: 12_500,
      tax_cents: 625,
      total_cents: 13_125,
      approved_total_cents: null,
      notes: 'Pads only',
      sent_at: null,
      expires_at: null,
      authorizations: [],
    });
    expect((read.body as Body).lines).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        kind: 'labor',
        description: 'Replace pads',
        quantity: '1.25',
        unit_price_cents: 10_000,
        tax_cents: 625,
        total_cents: 13_125,
      }),
    ]);
    const listed = await v1('jobs/[id]/estimates', 'GET', { id: job.id });
    expect((listed.body as { data: Body[] }).data.map((estimate) => [estimate.version, estimate.status])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);
  });

  it('a phone authorization needs a sent estimate (409 on a draft), a name (422), and is given once (409)', async () => {
    const { job, estimate } = await jobWithSentEstimate();
    const lineIds = (estimate.lines as Body[]).map((line) => line.id as string);
    const answer = { channel: 'in_person', authorized_by: 'Ann Driver', approved_line_ids: lineIds };
    const id = estimate.id as string;
    const nameless = await v1('estimates/[id]/authorizations', 'POST', { id }, { ...answer, authorized_by: ' ' });
    expect([nameless.status, Object.keys((nameless.body as Body).errors as Body)]).toEqual([422, ['authorized_by']]);
    const recorded = await v1('estimates/[id]/authorizations', 'POST', { id }, { ...answer, note: 'At the counter' });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toEqual({
      id: expect.any(String),
      estimate_id: id,
      channel: 'in_person',
      authorized_by: 'Ann Driver',
      approved_line_ids: lineIds,
      approved_total_cents: estimate.total_cents,
      note: 'At the counter',
      recorded_by: { id: admin.id, name: admin.name },
      created_at: expect.any(String),
    });
    expect((await v1('estimates/[id]/authorizations', 'POST', { id }, answer)).status).toBe(409);
    const read = await v1('estimates/[id]', 'GET', { id });
    expect(read.body).toMatchObject({ status: 'approved', approved_total_cents: estimate.total_cents });
    expect((read.body as Body).authorizations).toEqual([recorded.body]);
    const draft = await v1('jobs/[id]/estimates', 'POST', { id: job.id }, { lines });
    const onDraft = await v1(
      'estimates/[id]/authorizations',
      'POST',
      { id: (draft.body as Body).id as string },
      answer,
    );
    expect(onDraft.status).toBe(409);
  });

  it('an expired link answers 410 to the customer, and staff cannot record an answer on it (409)', async () => {
    const { estimate, approvalToken } = await jobWithSentEstimate();
    const db = await getDb();
    // A sent estimate is frozen by estimates_guard: the test moves its expiry into the past around it.
    await db.execute(sql`alter table estimates disable trigger estimates_guard`);
    try {
      await db
        .update(estimates)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(estimates.id, estimate.id as string));
    } finally {
      await db.execute(sql`alter table estimates enable trigger estimates_guard`);
    }
    const seen = await publicCall('GET', approvalToken);
    expect(seen.status).toBe(410);
    expect(seen.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await publicCall('POST', approvalToken, { approved_line_ids: [], name: 'Ann' })).status).toBe(410);
    const read = await v1('estimates/[id]', 'GET', { id: estimate.id as string });
    expect((read.body as Body).status).toBe('expired');
    const phone = { channel: 'phone', authorized_by: 'Ann', approved_line_ids: [] };
    expect((await v1('estimates/[id]/authorizations', 'POST', { id: estimate.id as string }, phone)).status).toBe(409);
  });

  it('the public answer shows the shop, vehicle, lines with ids and totals; an empty list declines (201)', async () => {
    await updateShopSettings(admin, { phone: '555-0100', estimateTerms: 'Valid 5 days.' });
    const { approvalToken } = await jobWithSentEstimate();
    const seen = await publicCall('GET', approvalToken);
    expect(seen.body).toMatchObject({
      status: 'sent',
      shop: { name: expect.any(String), phone: '555-0100' },
      terms: 'Valid 5 days.',
      vehicle: { make: expect.any(String), model: expect.any(String) },
      subtotal_cents: 20_500,
      total_cents: expect.any(Number),
      approved_total_cents: null,
    });
    for (const line of (seen.body as Body).lines as Body[]) {
      expect(line).toMatchObject({
        id: expect.any(String),
        quantity: expect.any(String),
        total_cents: expect.any(Number),
      });
    }
    const declined = await publicCall('POST', approvalToken, { approved_line_ids: [], name: 'Ann Driver' });
    expect(declined.status).toBe(201);
    expect(declined.body).toMatchObject({ status: 'declined', approved_total_cents: 0 });
    expect((await publicCall('GET', approvalToken)).body).toMatchObject({ status: 'declined' });
    await updateShopSettings(admin, { phone: '', estimateTerms: '' });
  });

  it('a job whose current estimate is sent and unanswered cannot be invoiced (409)', async () => {
    const { job } = await jobWithSentEstimate();
    await completeJob(job.id);
    const invoice = await v1(
      'jobs/[id]/invoice',
      'POST',
      { id: job.id },
      {
        lines: [{ kind: 'fee', description: 'Diagnosis', quantity: 1, unit_price_cents: 1_000 }],
      },
    );
    expect(invoice.status).toBe(409);
    expect((invoice.body as Body).detail).toMatch(/estimate/i);
  });
});
