// REST API v1 resource endpoints over HTTP, one error class at a time: 401 without a token, 403 for a worker on
// admin-only endpoints, 404 for what does not exist or may not be seen (and for malformed ids), 405 for DELETE,
// 409 for conflicts, 422 with snake_case field errors, 400 for malformed JSON; plus lists, filters and paging.
// Every answer is checked against the OpenAPI document (api-support's call()).
import { expect, test } from '@playwright/test';
import {
  changeStatus,
  completedJob,
  createCustomer,
  createJob,
  createVehicle,
  demoTokens,
  issueInvoice,
  randomVin,
  tag,
  type CustomerBody,
  type JobBody,
  type Page,
  type VehicleBody,
} from './api-fixtures';
import { call, openApiDocument, problem, send } from './api-support';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const MALFORMED = ['not-a-uuid', '12345', '1%27%20or%201%3D1'];

/** Every resource operation, with a body that would pass validation where one is needed. */
function operations(ids: { customer: string; vehicle: string; job: string; invoice: string }) {
  return [
    ['GET', '/api/v1/customers'],
    ['POST', '/api/v1/customers', { kind: 'individual', name: 'Nobody' }],
    ['GET', `/api/v1/customers/${ids.customer}`],
    ['PATCH', `/api/v1/customers/${ids.customer}`, { name: 'Nobody' }],
    ['POST', `/api/v1/customers/${ids.customer}/archive`],
    ['POST', `/api/v1/customers/${ids.customer}/unarchive`],
    ['GET', '/api/v1/vehicles'],
    ['POST', '/api/v1/vehicles', { customer_id: ids.customer, make: 'Fiat', model: 'Panda' }],
    ['GET', `/api/v1/vehicles/${ids.vehicle}`],
    ['PATCH', `/api/v1/vehicles/${ids.vehicle}`, { color: 'red' }],
    ['POST', `/api/v1/vehicles/${ids.vehicle}/archive`],
    ['POST', `/api/v1/vehicles/${ids.vehicle}/unarchive`],
    ['GET', '/api/v1/jobs'],
    ['POST', '/api/v1/jobs', { vehicle_id: ids.vehicle, title: 'Oil change' }],
    ['GET', `/api/v1/jobs/${ids.job}`],
    ['PATCH', `/api/v1/jobs/${ids.job}`, { version: 1, title: 'Oil change' }],
    ['POST', `/api/v1/jobs/${ids.job}/status`, { status: 'in_progress' }],
    ['PUT', `/api/v1/jobs/${ids.job}/assignees`, { user_ids: [] }],
    ['GET', `/api/v1/jobs/${ids.job}/history`],
    ['GET', `/api/v1/jobs/${ids.job}/notes`],
    ['POST', `/api/v1/jobs/${ids.job}/notes`, { body: 'A note' }],
    [
      'POST',
      `/api/v1/jobs/${ids.job}/invoice`,
      { lines: [{ kind: 'fee', description: 'Fee', quantity: 1, unit_price_cents: 100 }] },
    ],
    ['GET', '/api/v1/invoices'],
    ['GET', `/api/v1/invoices/${ids.invoice}`],
    ['POST', `/api/v1/invoices/${ids.invoice}/payments`, { amount_cents: 100, method: 'cash' }],
    ['POST', `/api/v1/invoices/${ids.invoice}/void`, { reason: 'Test' }],
    ['GET', '/api/v1/audit'],
  ] as [string, string, unknown?][];
}

test('every resource endpoint answers 401 without a token, and 405 to DELETE', async ({ request }) => {
  const ids = { customer: UNKNOWN, vehicle: UNKNOWN, job: UNKNOWN, invoice: UNKNOWN };
  for (const [method, path, json] of operations(ids)) {
    const answer = await call(request, method, path, { json });
    expect(answer.status, `${method} ${path}`).toBe(401);
    expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  }
  const { admin } = await demoTokens(request);
  const paths = [...new Set(operations(ids).map(([, path]) => path))];
  for (const path of paths) {
    const answer = await call(request, 'DELETE', path, { token: admin });
    expect(answer.status, `DELETE ${path}`).toBe(405);
    expect(answer.headers.allow).not.toContain('DELETE');
  }
});

test('a worker is refused the admin-only endpoints with 403: archive, assignees, invoices, payments, void, audit', async ({
  request,
}) => {
  const tokens = await demoTokens(request);
  const { customer, vehicle, job } = await completedJob(request, tokens.admin);
  const invoice = await issueInvoice(request, tokens.admin, job.id);
  const attempts: [string, string, unknown?][] = [
    ['POST', `/api/v1/customers/${customer.id}/archive`],
    ['POST', `/api/v1/customers/${customer.id}/unarchive`],
    ['POST', `/api/v1/vehicles/${vehicle.id}/archive`],
    ['POST', `/api/v1/vehicles/${vehicle.id}/unarchive`],
    ['PUT', `/api/v1/jobs/${job.id}/assignees`, { user_ids: [tokens.ids.worker] }],
    [
      'POST',
      `/api/v1/jobs/${job.id}/invoice`,
      { lines: [{ kind: 'fee', description: 'Fee', quantity: 1, unit_price_cents: 100 }] },
    ],
    ['POST', `/api/v1/jobs/${job.id}/invoice`, {}],
    ['GET', '/api/v1/invoices'],
    ['GET', `/api/v1/invoices/${invoice.id}`],
    ['POST', `/api/v1/invoices/${invoice.id}/payments`, { amount_cents: 100, method: 'cash' }],
    ['POST', `/api/v1/invoices/${invoice.id}/payments`, {}],
    ['POST', `/api/v1/invoices/${invoice.id}/void`, { reason: 'Mine' }],
    ['GET', '/api/v1/audit'],
  ];
  for (const [method, path, json] of attempts) {
    const answer = await call(request, method, path, { token: tokens.worker, json });
    expect(answer.status, `${method} ${path}`).toBe(403);
    expect(problem(answer).title).toBe('Forbidden');
  }
  // Nothing changed.
  expect(
    ((await call(request, 'GET', `/api/v1/customers/${customer.id}`, { token: tokens.admin })).body as CustomerBody)
      .archived_at,
  ).toBeNull();
});

test('unknown and malformed ids answer 404 on every resource, never a 500', async ({ request }) => {
  const { admin } = await demoTokens(request);
  for (const id of [UNKNOWN, ...MALFORMED]) {
    for (const [method, path, json] of operations({ customer: id, vehicle: id, job: id, invoice: id })) {
      if (!path.includes(id)) continue;
      const answer = await call(request, method, path, { token: admin, json });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(problem(answer).title).toBe('Not Found');
    }
  }
});

test('a mechanic cannot see a job they are not assigned to and did not create: job, notes and history are 404', async ({
  request,
}) => {
  const tokens = await demoTokens(request);
  const { job, vehicle } = await createJob(request, tokens.worker);
  const attempts: [string, string, unknown?][] = [
    ['GET', `/api/v1/jobs/${job.id}`],
    ['PATCH', `/api/v1/jobs/${job.id}`, { version: job.version, title: 'Mine now' }],
    ['POST', `/api/v1/jobs/${job.id}/status`, { status: 'in_progress' }],
    ['GET', `/api/v1/jobs/${job.id}/history`],
    ['GET', `/api/v1/jobs/${job.id}/notes`],
    ['POST', `/api/v1/jobs/${job.id}/notes`, { body: 'Sneaky note' }],
  ];
  for (const [method, path, json] of attempts) {
    const visible = await call(request, method, path, { token: tokens.mechanic2, json });
    const missing = await call(request, method, path.replace(job.id, UNKNOWN), { token: tokens.mechanic2, json });
    expect(visible.status, `${method} ${path}`).toBe(404);
    expect(visible.body).toEqual({ ...(missing.body as object) });
  }
  const list = await call(request, 'GET', `/api/v1/jobs?vehicle_id=${vehicle.id}`, { token: tokens.mechanic2 });
  expect(list.body).toEqual({ data: [], next_cursor: null });
  // The creator still sees it; the admin too.
  expect((await call(request, 'GET', `/api/v1/jobs/${job.id}`, { token: tokens.worker })).status).toBe(200);
  expect(
    (await call(request, 'GET', `/api/v1/jobs?vehicle_id=${vehicle.id}`, { token: tokens.admin })).body,
  ).toMatchObject({ data: [{ id: job.id }] });
});

test('a worker who opened a job but is not assigned to it may read and edit it, but not move it or add notes (403)', async ({
  request,
}) => {
  const tokens = await demoTokens(request);
  const { job } = await createJob(request, tokens.worker);
  const edited = await send(request, 'PATCH', `/api/v1/jobs/${job.id}`, tokens.worker, {
    version: job.version,
    title: 'Squeal from the rear',
  });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ title: 'Squeal from the rear', version: job.version + 1 });
  const moved = await send(request, 'POST', `/api/v1/jobs/${job.id}/status`, tokens.worker, { status: 'in_progress' });
  expect(moved.status).toBe(403);
  const noted = await send(request, 'POST', `/api/v1/jobs/${job.id}/notes`, tokens.worker, { body: 'Hello' });
  expect(noted.status).toBe(403);
});

test('conflicts answer 409: illegal transition, duplicate VIN, stale version, invoicing an open job', async ({
  request,
}) => {
  const tokens = await demoTokens(request);
  const { job, customer, vehicle } = await createJob(request, tokens.admin);

  const illegal = await send(request, 'POST', `/api/v1/jobs/${job.id}/status`, tokens.admin, { status: 'completed' });
  expect(illegal.status).toBe(409);
  expect(problem(illegal).title).toBe('Conflict');
  expect(problem(illegal).errors?.status?.[0]).toMatch(/cannot go from created to completed/);
  const unknownStatus = await send(request, 'POST', `/api/v1/jobs/${job.id}/status`, tokens.admin, {
    status: 'teleported',
  });
  expect(unknownStatus.status).toBe(422);
  const cancelWithoutReason = await send(request, 'POST', `/api/v1/jobs/${job.id}/status`, tokens.admin, {
    status: 'cancelled',
  });
  expect(cancelWithoutReason.status).toBe(422);
  expect(problem(cancelWithoutReason).errors?.reason).toBeDefined();

  const notCompleted = await send(request, 'POST', `/api/v1/jobs/${job.id}/invoice`, tokens.admin, {
    lines: [{ kind: 'fee', description: 'Early', quantity: 1, unit_price_cents: 100 }],
  });
  expect(notCompleted.status).toBe(409);

  const first = await send(request, 'PATCH', `/api/v1/jobs/${job.id}`, tokens.admin, {
    version: job.version,
    priority: 'urgent',
  });
  expect(first.status).toBe(200);
  const stale = await send(request, 'PATCH', `/api/v1/jobs/${job.id}`, tokens.admin, {
    version: job.version,
    priority: 'low',
  });
  expect(stale.status).toBe(409);
  expect(problem(stale).errors?.version).toBeDefined();
  expect(
    ((await call(request, 'GET', `/api/v1/jobs/${job.id}`, { token: tokens.admin })).body as { priority: string })
      .priority,
  ).toBe('urgent');

  const duplicate = await send(request, 'POST', '/api/v1/vehicles', tokens.worker, {
    customer_id: customer.id,
    vin: vehicle.vin,
    make: 'Skoda',
    model: 'Fabia',
  });
  expect(duplicate.status).toBe(409);
  expect(problem(duplicate).errors?.vin?.[0]).toMatch(/already on another active vehicle/);
  expect(problem(duplicate).errors?.existing_vehicle_id).toEqual([vehicle.id]);
  const other = await createVehicle(request, tokens.worker, customer.id);
  const renamed = await send(request, 'PATCH', `/api/v1/vehicles/${other.id}`, tokens.worker, { vin: vehicle.vin });
  expect(renamed.status).toBe(409);

  // Archiving frees the VIN; bringing the old vehicle back while the VIN is taken again is a conflict.
  expect((await call(request, 'POST', `/api/v1/vehicles/${vehicle.id}/archive`, { token: tokens.admin })).status).toBe(
    200,
  );
  const reused = await createVehicle(request, tokens.worker, customer.id, { vin: vehicle.vin });
  expect(reused.vin).toBe(vehicle.vin);
  expect(
    (await call(request, 'POST', `/api/v1/vehicles/${vehicle.id}/unarchive`, { token: tokens.admin })).status,
  ).toBe(409);
});

test('validation errors answer 422 with the fields in snake_case; malformed JSON answers 400', async ({ request }) => {
  const tokens = await demoTokens(request);
  const { job, customer } = await createJob(request, tokens.worker);

  const cases: [string, string, unknown, string[]][] = [
    ['POST', '/api/v1/customers', { kind: 'alien', email: 'nope' }, ['email', 'kind', 'name']],
    ['PATCH', `/api/v1/customers/${customer.id}`, { name: '' }, ['name']],
    ['POST', '/api/v1/vehicles', { year: 1800, odometer: -5 }, ['customer_id', 'make', 'model', 'odometer', 'year']],
    [
      'POST',
      '/api/v1/vehicles',
      { customer_id: customer.id, make: 'Fiat', model: 'Uno', vin: 'IOQIOQIOQIOQIOQIO' },
      ['vin'],
    ],
    [
      'POST',
      '/api/v1/jobs',
      { odometer_in: 'lots', promised_at: 'soon' },
      ['odometer_in', 'promised_at', 'title', 'vehicle_id'],
    ],
    ['PATCH', `/api/v1/jobs/${job.id}`, { title: 'No version' }, ['version']],
  ];
  for (const [method, path, json, fields] of cases) {
    const answer = await call(request, method, path, { token: tokens.worker, json });
    expect(answer.status, `${method} ${path}`).toBe(422);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Object.keys(problem(answer).errors ?? {}).sort(), `${method} ${path}`).toEqual(fields);
  }

  const adminCases: [string, string, unknown, string[]][] = [
    ['PUT', `/api/v1/jobs/${job.id}/assignees`, { user_ids: ['someone'] }, ['user_ids.0']],
    ['POST', `/api/v1/jobs/${job.id}/notes`, { body: '   ' }, ['body']],
    ['POST', `/api/v1/jobs/${job.id}/invoice`, { lines: [] }, ['lines']],
    [
      'POST',
      `/api/v1/jobs/${job.id}/invoice`,
      { lines: [{ kind: 'labor', description: 'Work', quantity: 0 }] },
      ['lines.0.quantity', 'lines.0.unit_price_cents'],
    ],
  ];
  for (const [method, path, json, fields] of adminCases) {
    const answer = await call(request, method, path, { token: tokens.admin, json });
    expect(answer.status, `${method} ${path}`).toBe(422);
    expect(Object.keys(problem(answer).errors ?? {}).sort(), `${method} ${path}`).toEqual(fields);
  }

  const { job: done } = await completedJob(request, tokens.admin);
  const invoice = await issueInvoice(request, tokens.admin, done.id);
  const payment = await send(request, 'POST', `/api/v1/invoices/${invoice.id}/payments`, tokens.admin, {
    method: 'cheque',
    received_at: 'yesterday',
  });
  expect(payment.status).toBe(422);
  expect(Object.keys(problem(payment).errors ?? {}).sort()).toEqual(['amount_cents', 'method', 'received_at']);

  for (const [method, path] of [
    ['POST', '/api/v1/customers'],
    ['PATCH', `/api/v1/jobs/${job.id}`],
    ['POST', `/api/v1/jobs/${job.id}/status`],
    ['POST', `/api/v1/invoices/${invoice.id}/payments`],
  ] as const) {
    const answer = await call(request, method, path, { token: tokens.admin, raw: '{"name": "Unclosed' });
    expect(answer.status, `${method} ${path}`).toBe(400);
    expect(problem(answer).title).toBe('Bad Request');
  }

  for (const path of [
    '/api/v1/customers?limit=101',
    '/api/v1/vehicles?limit=0',
    '/api/v1/jobs?limit=500',
    `/api/v1/jobs/${job.id}/notes?limit=101`,
    '/api/v1/invoices?limit=101',
    '/api/v1/audit?limit=101',
  ]) {
    const answer = await call(request, 'GET', path, { token: tokens.admin });
    expect(answer.status, path).toBe(422);
    expect(problem(answer).errors?.limit, path).toBeDefined();
  }
  const badFilters = await call(request, 'GET', '/api/v1/jobs?status=flying&assignee=nobody', { token: tokens.admin });
  expect(badFilters.status).toBe(422);
  expect(Object.keys(problem(badFilters).errors ?? {}).sort()).toEqual(['assignee', 'status']);
  const badPaymentStatus = await call(request, 'GET', '/api/v1/invoices?payment_status=maybe', { token: tokens.admin });
  expect(problem(badPaymentStatus).errors?.payment_status).toBeDefined();
  const badCursor = await call(request, 'GET', '/api/v1/customers?cursor=garbage', { token: tokens.worker });
  expect(badCursor.status).toBe(422);
  expect(problem(badCursor).errors?.cursor).toBeDefined();
});

test('customers: search, keyset pages, edit, and archive by the admin hides them until unarchived', async ({
  request,
}) => {
  const tokens = await demoTokens(request);
  const t = tag();
  const uniquePhone = `555 ${Date.now() % 100_000_000}`; // no other customer has it: no duplicate warning
  const made: CustomerBody[] = [];
  for (const first of ['Ash', 'Bo', 'Cy'])
    made.push(await createCustomer(request, tokens.worker, { name: `${first} Searchable ${t}` }));

  const page1 = await call(request, 'GET', `/api/v1/customers?q=${t}&limit=2`, { token: tokens.worker });
  const body1 = page1.body as Page<CustomerBody>;
  expect(body1.data.map((row) => row.name)).toEqual([`Ash Searchable ${t}`, `Bo Searchable ${t}`]);
  expect(body1.next_cursor).toEqual(expect.any(String));
  const page2 = await call(
    request,
    'GET',
    `/api/v1/customers?q=${t}&limit=2&cursor=${encodeURIComponent(body1.next_cursor!)}`,
    { token: tokens.worker },
  );
  expect(page2.body).toMatchObject({ data: [{ name: `Cy Searchable ${t}` }], next_cursor: null });

  const edited = await send(request, 'PATCH', `/api/v1/customers/${made[0]!.id}`, tokens.worker, {
    kind: 'business',
    company: `Ash Fleet ${t}`,
    phone: uniquePhone,
    address: '1 Garage Lane',
  });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({
    kind: 'business',
    company: `Ash Fleet ${t}`,
    phone: uniquePhone,
    name: `Ash Searchable ${t}`,
    duplicates: [],
  });

  const vehicle = await createVehicle(request, tokens.worker, made[0]!.id, { plate: `ASH ${t}` });
  const detail = await call(request, 'GET', `/api/v1/customers/${made[0]!.id}`, { token: tokens.worker });
  expect(detail.body).toMatchObject({ id: made[0]!.id, vehicles: [{ id: vehicle.id, plate: `ASH ${t}` }], jobs: [] });
  const byPlate = await call(request, 'GET', `/api/v1/customers?q=${encodeURIComponent(`ash ${t}`)}`, {
    token: tokens.worker,
  });
  expect((byPlate.body as Page<CustomerBody>).data.map((row) => row.id)).toContain(made[0]!.id);

  const archived = await call(request, 'POST', `/api/v1/customers/${made[1]!.id}/archive`, { token: tokens.admin });
  expect(archived.status).toBe(200);
  expect((archived.body as CustomerBody).archived_at).toEqual(expect.any(String));
  const active = await call(request, 'GET', `/api/v1/customers?q=${t}`, { token: tokens.worker });
  expect((active.body as Page<CustomerBody>).data.map((row) => row.name)).toEqual([
    `Ash Searchable ${t}`,
    `Cy Searchable ${t}`,
  ]);
  const all = await call(request, 'GET', `/api/v1/customers?q=${t}&include_archived=true`, { token: tokens.worker });
  expect((all.body as Page<CustomerBody>).data).toHaveLength(3);
  // An archived customer takes no new vehicles.
  const refused = await send(request, 'POST', '/api/v1/vehicles', tokens.worker, {
    customer_id: made[1]!.id,
    make: 'Fiat',
    model: 'Uno',
  });
  expect(refused.status).toBe(422);
  expect(problem(refused).errors?.customer_id).toBeDefined();

  const back = await call(request, 'POST', `/api/v1/customers/${made[1]!.id}/unarchive`, { token: tokens.admin });
  expect((back.body as CustomerBody).archived_at).toBeNull();
});

test('vehicles: listed per customer and by search, read with owner and history, edited, archived by the admin', async ({
  request,
}) => {
  const tokens = await demoTokens(request);
  const t = tag();
  const customer = await createCustomer(request, tokens.worker);
  const vin = randomVin();
  const first = await createVehicle(request, tokens.worker, customer.id, {
    vin,
    plate: `VA ${t}`,
    make: 'Audi',
    model: 'A4',
    odometer: 1000,
  });
  expect(first.vin_warning).toBeNull();
  const second = await createVehicle(request, tokens.worker, customer.id, {
    vin: null,
    plate: `VB ${t}`,
    make: 'Bmw',
    model: '320',
  });

  const list = await call(request, 'GET', `/api/v1/vehicles?customer_id=${customer.id}`, { token: tokens.worker });
  expect(list.body).toMatchObject({
    data: [{ id: first.id, customer_name: customer.name }, { id: second.id }],
    next_cursor: null,
  });
  const found = await call(request, 'GET', `/api/v1/vehicles?q=${encodeURIComponent(vin.slice(-8))}`, {
    token: tokens.worker,
  });
  expect((found.body as Page<VehicleBody>).data.map((row) => row.id)).toEqual([first.id]);

  const opened = await send(request, 'POST', '/api/v1/jobs', tokens.worker, {
    vehicle_id: first.id,
    title: 'Service',
    odometer_in: 1500,
  });
  expect(opened.status).toBe(201);
  const detail = await call(request, 'GET', `/api/v1/vehicles/${first.id}`, { token: tokens.worker });
  expect(detail.body).toMatchObject({
    odometer: 1500,
    owner: { id: customer.id, name: customer.name },
    jobs: [{ id: (opened.body as JobBody).id, status: 'created' }],
    vin_warning: null,
  });

  const edited = await send(request, 'PATCH', `/api/v1/vehicles/${second.id}`, tokens.worker, {
    color: 'Blue',
    year: 2020,
  });
  expect(edited.body).toMatchObject({ color: 'Blue', year: 2020, make: 'Bmw' });

  const archived = await call(request, 'POST', `/api/v1/vehicles/${second.id}/archive`, { token: tokens.admin });
  expect((archived.body as { archived_at: string | null }).archived_at).toEqual(expect.any(String));
  const afterArchive = await call(request, 'GET', `/api/v1/vehicles?customer_id=${customer.id}`, {
    token: tokens.worker,
  });
  expect((afterArchive.body as Page<VehicleBody>).data.map((row) => row.id)).toEqual([first.id]);
  const withArchived = await call(request, 'GET', `/api/v1/vehicles?customer_id=${customer.id}&include_archived=true`, {
    token: tokens.worker,
  });
  expect((withArchived.body as Page<VehicleBody>).data).toHaveLength(2);
  const unarchived = await call(request, 'POST', `/api/v1/vehicles/${second.id}/unarchive`, { token: tokens.admin });
  expect((unarchived.body as { archived_at: string | null }).archived_at).toBeNull();
});

test('jobs: the list filters by status, vehicle and assignee and pages by number; notes page too', async ({
  request,
}) => {
  const tokens = await demoTokens(request);
  const { vehicle, job: firstJob } = await createJob(request, tokens.admin);
  const jobs: JobBody[] = [firstJob];
  for (const title of ['Second visit', 'Third visit']) {
    const answer = await send(request, 'POST', '/api/v1/jobs', tokens.admin, { vehicle_id: vehicle.id, title });
    jobs.push(answer.body as JobBody);
  }
  await changeStatus(request, tokens.admin, jobs[1]!.id, 'in_progress');
  await send(request, 'PUT', `/api/v1/jobs/${jobs[2]!.id}/assignees`, tokens.admin, {
    user_ids: [tokens.ids.mechanic2],
  });

  const page1 = await call(request, 'GET', `/api/v1/jobs?vehicle_id=${vehicle.id}&limit=2`, { token: tokens.admin });
  const body1 = page1.body as Page<JobBody>;
  expect(body1.data.map((job) => job.id)).toEqual([jobs[2]!.id, jobs[1]!.id]);
  const page2 = await call(
    request,
    'GET',
    `/api/v1/jobs?vehicle_id=${vehicle.id}&limit=2&cursor=${encodeURIComponent(body1.next_cursor!)}`,
    { token: tokens.admin },
  );
  expect(page2.body).toMatchObject({ data: [{ id: jobs[0]!.id }], next_cursor: null });

  const inProgress = await call(request, 'GET', `/api/v1/jobs?vehicle_id=${vehicle.id}&status=in_progress`, {
    token: tokens.admin,
  });
  expect((inProgress.body as Page<JobBody>).data.map((job) => job.id)).toEqual([jobs[1]!.id]);
  const forMechanic = await call(
    request,
    'GET',
    `/api/v1/jobs?vehicle_id=${vehicle.id}&assignee=${tokens.ids.mechanic2}`,
    { token: tokens.admin },
  );
  expect((forMechanic.body as Page<JobBody>).data.map((job) => job.id)).toEqual([jobs[2]!.id]);
  const mechanicSees = await call(request, 'GET', `/api/v1/jobs?vehicle_id=${vehicle.id}&assignee=me`, {
    token: tokens.mechanic2,
  });
  expect((mechanicSees.body as Page<JobBody>).data.map((job) => job.id)).toEqual([jobs[2]!.id]);

  // Unassigning takes the job away from the mechanic again.
  const cleared = await send(request, 'PUT', `/api/v1/jobs/${jobs[2]!.id}/assignees`, tokens.admin, { user_ids: [] });
  expect((cleared.body as JobBody).assignees).toEqual([]);
  expect((await call(request, 'GET', `/api/v1/jobs/${jobs[2]!.id}`, { token: tokens.mechanic2 })).status).toBe(404);
  // Only workers can be assigned.
  const adminAssigned = await send(request, 'PUT', `/api/v1/jobs/${jobs[2]!.id}/assignees`, tokens.admin, {
    user_ids: [tokens.ids.admin],
  });
  expect(adminAssigned.status).toBe(422);
  expect(problem(adminAssigned).errors?.user_ids).toBeDefined();

  for (const body of ['One', 'Two', 'Three']) {
    expect(
      (await call(request, 'POST', `/api/v1/jobs/${jobs[0]!.id}/notes`, { token: tokens.admin, json: { body } }))
        .status,
    ).toBe(201);
  }
  const notes1 = await call(request, 'GET', `/api/v1/jobs/${jobs[0]!.id}/notes?limit=2`, { token: tokens.admin });
  const notesBody = notes1.body as Page<{ body: string }>;
  expect(notesBody.data.map((note) => note.body)).toEqual(['One', 'Two']);
  const notes2 = await call(
    request,
    'GET',
    `/api/v1/jobs/${jobs[0]!.id}/notes?limit=2&cursor=${encodeURIComponent(notesBody.next_cursor!)}`,
    { token: tokens.admin },
  );
  expect(notes2.body).toMatchObject({ data: [{ body: 'Three' }], next_cursor: null });
});

test('the OpenAPI document lists every resource route with its schemas', async ({ request }) => {
  const document = await openApiDocument(request);
  const expected: Record<string, string[]> = {
    '/api/v1/customers': ['get', 'post'],
    '/api/v1/customers/{id}': ['get', 'patch'],
    '/api/v1/customers/{id}/archive': ['post'],
    '/api/v1/vehicles': ['get', 'post'],
    '/api/v1/vehicles/{id}': ['get', 'patch'],
    '/api/v1/vehicles/{id}/archive': ['post'],
    '/api/v1/jobs': ['get', 'post'],
    '/api/v1/jobs/{id}': ['get', 'patch'],
    '/api/v1/jobs/{id}/status': ['post'],
    '/api/v1/jobs/{id}/assignees': ['put'],
    '/api/v1/jobs/{id}/history': ['get'],
    '/api/v1/jobs/{id}/notes': ['get', 'post'],
    '/api/v1/jobs/{id}/invoice': ['post'],
    '/api/v1/invoices': ['get'],
    '/api/v1/invoices/{id}': ['get'],
    '/api/v1/invoices/{id}/payments': ['post'],
    '/api/v1/invoices/{id}/void': ['post'],
    '/api/v1/audit': ['get'],
  };
  for (const [path, methods] of Object.entries(expected)) {
    for (const method of methods) expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(document.paths[path]?.delete, `delete ${path}`).toBeUndefined();
  }
  for (const name of [
    'Customer',
    'Vehicle',
    'Job',
    'JobSummary',
    'JobNote',
    'JobStatusChange',
    'Invoice',
    'InvoiceSummary',
    'AuditEvent',
  ]) {
    expect(document.components.schemas[name], name).toBeDefined();
  }
  const invoice = document.components.schemas.Invoice as { properties: Record<string, unknown> };
  for (const field of [
    'number',
    'payment_status',
    'subtotal_cents',
    'tax_cents',
    'total_cents',
    'paid_cents',
    'balance_cents',
  ]) {
    expect(invoice.properties[field], field).toBeDefined();
  }
  expect(document.paths['/api/v1/jobs/{id}/invoice']!.post!.responses['409']).toBeDefined();
  expect(document.paths['/api/v1/jobs/{id}']!.patch!.responses['409']).toBeDefined();
  expect(document.paths['/api/v1/vehicles']!.post!.responses['409']).toBeDefined();
});
