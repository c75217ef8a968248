// The whole workshop workflow through REST API v1, as an integration would drive it: the front desk registers
// a customer, their vehicle and a job; the admin assigns a mechanic; the mechanic works the job with notes;
// the admin invoices it and records the payments. Every answer is checked against the OpenAPI document.
import { expect, test } from '@playwright/test';
import {
  changeStatus,
  completedJob,
  demoTokens,
  issueInvoice,
  randomVin,
  tag,
  withWrongCheckDigit,
  type InvoiceBody,
  type JobBody,
  type Page,
  type VehicleBody,
} from './api-fixtures';
import { call, problem, send } from './api-support';
import { demo } from './support';

type HistoryRow = {
  from_status: string | null;
  to_status: string;
  reason: string | null;
  changed_at: string;
  changed_by: { id: string; name: string };
};
type NoteBody = { id: string; job_id: string; body: string; created_at: string; author: { id: string; name: string } };

test('a job goes from the front desk through the workshop to a paid invoice, all through the API', async ({
  request,
}) => {
  const tokens = await demoTokens(request);
  const t = tag();

  // The front desk (a worker) registers the customer.
  const customerAnswer = await send(request, 'POST', '/api/v1/customers', tokens.worker, {
    kind: 'individual',
    name: `Dana Driver ${t}`,
    phone: '+1 555 0100',
    email: `dana-${t.toLowerCase()}@example.com`,
  });
  expect(customerAnswer.status).toBe(201);
  const customer = customerAnswer.body as {
    id: string;
    name: string;
    kind: string;
    archived_at: string | null;
    created_at: string;
  };
  expect(customer).toMatchObject({ name: `Dana Driver ${t}`, kind: 'individual', archived_at: null });
  expect(customer.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

  // A VIN whose check digit fails is refused with the warning until it is accepted.
  const vin = withWrongCheckDigit(randomVin());
  const vehicleFields = {
    customer_id: customer.id,
    vin: vin.toLowerCase(),
    plate: `dd ${t}`,
    make: 'Volkswagen',
    model: 'Golf',
    year: 2017,
    odometer: 88000,
  };
  const warned = await call(request, 'POST', '/api/v1/vehicles', { token: tokens.worker, json: vehicleFields });
  expect(warned.status).toBe(422);
  expect(problem(warned).errors?.vin?.[0]).toMatch(/check digit/);
  expect(problem(warned).errors?.accept_vin_warning).toBeDefined();
  expect(problem(warned).detail).toMatch(/check digit/);

  const accepted = await send(request, 'POST', '/api/v1/vehicles', tokens.worker, {
    ...vehicleFields,
    accept_vin_warning: true,
  });
  expect(accepted.status).toBe(201);
  const vehicle = accepted.body as VehicleBody & { odometer: number };
  expect(vehicle).toMatchObject({ customer_id: customer.id, vin, plate: `DD ${t}`, odometer: 88000 });
  expect(vehicle.vin_warning).toMatch(/check digit/);

  // The worker opens the job card.
  const opened = await send(request, 'POST', '/api/v1/jobs', tokens.worker, {
    vehicle_id: vehicle.id,
    title: 'Grinding noise when braking',
    description: 'Front left, worse when cold.',
    odometer_in: 88250,
    priority: 'high',
    promised_at: '2030-06-01',
  });
  expect(opened.status).toBe(201);
  const job = opened.body as JobBody & {
    odometer_in: number;
    priority: string;
    promised_at: string;
    created_by: string;
  };
  expect(job.number).toMatch(/^J-\d{6}$/);
  expect(job).toMatchObject({
    status: 'created',
    odometer_in: 88250,
    priority: 'high',
    created_by: tokens.ids.worker,
    assignees: [],
  });
  expect(job.promised_at).toBe('2030-06-01T23:59:59.999Z');

  // Mechanic 2 cannot see it yet; the admin assigns them.
  expect((await call(request, 'GET', `/api/v1/jobs/${job.id}`, { token: tokens.mechanic2 })).status).toBe(404);
  const assigned = await send(request, 'PUT', `/api/v1/jobs/${job.id}/assignees`, tokens.admin, {
    user_ids: [tokens.ids.mechanic2],
  });
  expect(assigned.status).toBe(200);
  expect((assigned.body as JobBody).assignees).toEqual([{ id: tokens.ids.mechanic2, name: demo.mechanic2.name }]);

  const mine = await call(request, 'GET', '/api/v1/jobs?assignee=me&status=created&limit=100', {
    token: tokens.mechanic2,
  });
  expect((mine.body as Page<JobBody>).data.map((row) => row.id)).toContain(job.id);

  // Mechanic 2 works the job and writes notes.
  await changeStatus(request, tokens.mechanic2, job.id, 'in_progress');
  const note1 = await send(request, 'POST', `/api/v1/jobs/${job.id}/notes`, tokens.mechanic2, {
    body: 'Front pads worn to the backing plate.',
  });
  expect(note1.status).toBe(201);
  expect(note1.body).toMatchObject({
    job_id: job.id,
    body: 'Front pads worn to the backing plate.',
    author: { id: tokens.ids.mechanic2, name: demo.mechanic2.name },
  });
  await changeStatus(request, tokens.mechanic2, job.id, 'waiting_for_parts', 'Pads on order, arriving tomorrow');
  await changeStatus(request, tokens.mechanic2, job.id, 'in_progress');
  expect(
    (
      await send(request, 'POST', `/api/v1/jobs/${job.id}/notes`, tokens.mechanic2, {
        body: 'New pads fitted, test drive OK.',
      })
    ).status,
  ).toBe(201);
  const completed = await changeStatus(request, tokens.mechanic2, job.id, 'completed');
  expect((completed as JobBody & { completed_at: string }).completed_at).toEqual(expect.any(String));

  // The history shows every change, oldest first, with who and why.
  const history = await call(request, 'GET', `/api/v1/jobs/${job.id}/history`, { token: tokens.worker });
  expect(history.status).toBe(200);
  const rows = (history.body as Page<HistoryRow>).data;
  expect((history.body as Page<HistoryRow>).next_cursor).toBeNull();
  expect(rows.map((row) => [row.from_status, row.to_status])).toEqual([
    [null, 'created'],
    ['created', 'in_progress'],
    ['in_progress', 'waiting_for_parts'],
    ['waiting_for_parts', 'in_progress'],
    ['in_progress', 'completed'],
  ]);
  expect(rows[0]!.changed_by).toEqual({ id: tokens.ids.worker, name: demo.worker.name });
  expect(rows.slice(1).every((row) => row.changed_by.id === tokens.ids.mechanic2)).toBe(true);
  expect(rows[2]!.reason).toBe('Pads on order, arriving tomorrow');

  const notes = await call(request, 'GET', `/api/v1/jobs/${job.id}/notes`, { token: tokens.admin });
  expect((notes.body as Page<NoteBody>).data.map((note) => note.body)).toEqual([
    'Front pads worn to the backing plate.',
    'New pads fitted, test drive OK.',
  ]);

  // The admin issues the invoice: numbered, priced in cents, unpaid.
  const invoice = await issueInvoice(request, tokens.admin, job.id);
  expect(invoice.number).toMatch(new RegExp(`^INV-${new Date().getUTCFullYear()}-\\d{4}$`));
  expect(invoice).toMatchObject({
    status: 'issued',
    payment_status: 'unpaid',
    subtotal_cents: 18600,
    paid_cents: 0,
    job: { id: job.id, number: job.number },
  });
  expect(invoice.lines.map((line) => [line.kind, line.quantity, line.unit_price_cents, line.line_total_cents])).toEqual(
    [
      ['labor', '1.50', 9000, 13500],
      ['part', '2.00', 2550, 5100],
    ],
  );
  expect(invoice.total_cents).toBe(invoice.subtotal_cents + invoice.tax_cents);
  expect(invoice.balance_cents).toBe(invoice.total_cents);

  const second = await send(request, 'POST', `/api/v1/jobs/${job.id}/invoice`, tokens.admin, {
    lines: [{ kind: 'fee', description: 'Again', quantity: 1, unit_price_cents: 100 }],
  });
  expect(second.status).toBe(409);
  expect(problem(second).detail).toMatch(/already has an invoice/);

  // Payments: part now, an overpayment refused, the rest later.
  const partial = await send(request, 'POST', `/api/v1/invoices/${invoice.id}/payments`, tokens.admin, {
    amount_cents: 5000,
    method: 'card',
    received_at: new Date().toISOString(),
  });
  expect(partial.status).toBe(201);
  expect(partial.body).toMatchObject({
    payment_status: 'partially_paid',
    paid_cents: 5000,
    balance_cents: invoice.total_cents - 5000,
  });
  expect((partial.body as InvoiceBody).payments).toMatchObject([{ amount_cents: 5000, method: 'card' }]);

  const over = await send(request, 'POST', `/api/v1/invoices/${invoice.id}/payments`, tokens.admin, {
    amount_cents: invoice.total_cents - 5000 + 1,
    method: 'cash',
  });
  expect(over.status).toBe(409);
  expect(problem(over).errors?.amount_cents?.[0]).toMatch(/more than the open balance/);

  const rest = await send(request, 'POST', `/api/v1/invoices/${invoice.id}/payments`, tokens.admin, {
    amount_cents: invoice.total_cents - 5000,
    method: 'bank_transfer',
  });
  expect(rest.status).toBe(201);
  expect(rest.body).toMatchObject({ payment_status: 'paid', paid_cents: invoice.total_cents, balance_cents: 0 });

  // The lists filter by payment status.
  const paid = await call(request, 'GET', '/api/v1/invoices?payment_status=paid&limit=100', { token: tokens.admin });
  expect(paid.status).toBe(200);
  const paidRows = (paid.body as Page<InvoiceBody>).data;
  expect(paidRows.map((row) => row.id)).toContain(invoice.id);
  expect(paidRows.every((row) => row.payment_status === 'paid')).toBe(true);
  const unpaid = await call(request, 'GET', '/api/v1/invoices?payment_status=unpaid&limit=100', {
    token: tokens.admin,
  });
  expect((unpaid.body as Page<InvoiceBody>).data.map((row) => row.id)).not.toContain(invoice.id);

  const read = await call(request, 'GET', `/api/v1/invoices/${invoice.id}`, { token: tokens.admin });
  expect((read.body as InvoiceBody).payments.map((payment) => payment.amount_cents)).toEqual([
    5000,
    invoice.total_cents - 5000,
  ]);

  // The admin reads the job's audit trail: the card was opened, then moved up to completed.
  const audit = await call(request, 'GET', `/api/v1/audit?entity=jobs&entity_id=${job.id}`, { token: tokens.admin });
  expect(audit.status).toBe(200);
  const events = (
    audit.body as Page<{
      action: string;
      entity: string;
      entity_id: string;
      origin: string;
      actor_id: string | null;
      after: { status?: string } | null;
    }>
  ).data;
  expect(events.every((event) => event.entity === 'jobs' && event.entity_id === job.id)).toBe(true);
  // Written through the API, by the token's user.
  expect(events.every((event) => event.origin === 'api' && event.actor_id !== null)).toBe(true);
  expect(events.at(-1)).toMatchObject({ action: 'insert', after: { status: 'created' } });
  expect(events[0]).toMatchObject({ action: 'update', after: { status: 'completed' } });
  expect(
    (await call(request, 'GET', `/api/v1/audit?entity=jobs&entity_id=${job.id}`, { token: tokens.worker })).status,
  ).toBe(403);
});

test('the admin voids another job’s invoice with a reason, and the job can be invoiced again', async ({ request }) => {
  const tokens = await demoTokens(request);
  const { job } = await completedJob(request, tokens.admin);
  const invoice = await issueInvoice(request, tokens.admin, job.id, [
    { kind: 'fee', description: 'Diagnosis', quantity: 1, unit_price_cents: 4500 },
  ]);

  const noReason = await send(request, 'POST', `/api/v1/invoices/${invoice.id}/void`, tokens.admin, {});
  expect(noReason.status).toBe(422);
  expect(problem(noReason).errors?.reason).toBeDefined();
  const byWorker = await send(request, 'POST', `/api/v1/invoices/${invoice.id}/void`, tokens.worker, {
    reason: 'Mine',
  });
  expect(byWorker.status).toBe(403);

  const voided = await send(request, 'POST', `/api/v1/invoices/${invoice.id}/void`, tokens.admin, {
    reason: 'Wrong customer on the invoice',
  });
  expect(voided.status).toBe(200);
  expect(voided.body).toMatchObject({
    status: 'void',
    payment_status: 'void',
    balance_cents: 0,
    void_reason: 'Wrong customer on the invoice',
  });
  expect((voided.body as { voided_at: string }).voided_at).toEqual(expect.any(String));

  expect(
    (await send(request, 'POST', `/api/v1/invoices/${invoice.id}/void`, tokens.admin, { reason: 'Twice' })).status,
  ).toBe(409);
  const payOnVoid = await send(request, 'POST', `/api/v1/invoices/${invoice.id}/payments`, tokens.admin, {
    amount_cents: 100,
    method: 'cash',
  });
  expect(payOnVoid.status).toBe(409);

  const voidList = await call(request, 'GET', '/api/v1/invoices?payment_status=void&limit=100', {
    token: tokens.admin,
  });
  expect((voidList.body as Page<InvoiceBody>).data.map((row) => row.id)).toContain(invoice.id);

  const again = await issueInvoice(request, tokens.admin, job.id, [
    { kind: 'fee', description: 'Diagnosis', quantity: 1, unit_price_cents: 4500 },
  ]);
  expect(again.number).not.toBe(invoice.number);
  expect(again.payment_status).toBe('unpaid');
});
