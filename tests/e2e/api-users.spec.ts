// REST API v1 users endpoints over HTTP: admin only, snake_case, validation and conflicts, and tokens that
// stop working at once when an admin deactivates a user, changes their role or resets their password.
import { expect, test } from '@playwright/test';
import { call, createUserViaApi, NEW_PASSWORD, problem, send, tokenFor, uniqueEmail } from './api-support';
import { demo } from './support';

type UserBody = {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  deactivated_at: string | null;
  created_at: string;
};

test('a mechanic’s token is refused every users endpoint with 403', async ({ request }) => {
  const workerToken = await tokenFor(request, demo.worker);
  const adminToken = await tokenFor(request, demo.admin);
  const someone = await createUserViaApi(request, adminToken);
  const attempts: [string, string, unknown?][] = [
    ['GET', '/api/v1/users'],
    ['POST', '/api/v1/users', { name: 'Sneaky', email: uniqueEmail(), role: 'admin', password: 'sneaky-password' }],
    ['GET', `/api/v1/users/${someone.id}`],
    ['PATCH', `/api/v1/users/${someone.id}`, { role: 'admin' }],
    ['POST', `/api/v1/users/${someone.id}/deactivate`],
    ['POST', `/api/v1/users/${someone.id}/reactivate`],
    ['POST', `/api/v1/users/${someone.id}/reset-password`, { password: 'new-password-1' }],
  ];
  for (const [method, path, json] of attempts) {
    const answer = await call(request, method, path, { token: workerToken, json });
    expect(answer.status, `${method} ${path}`).toBe(403);
    expect(problem(answer).title).toBe('Forbidden');
  }
});

test('the admin creates a user: 201 in snake_case, never the password, then reads, finds and edits them', async ({
  request,
}) => {
  const adminToken = await tokenFor(request, demo.admin);
  const email = uniqueEmail('new-mechanic');
  const created = await send(request, 'POST', '/api/v1/users', adminToken, {
    name: 'Robin Wrench',
    email,
    role: 'worker',
    password: NEW_PASSWORD,
  });
  expect(created.status).toBe(201);
  const user = created.body as UserBody;
  expect(user).toEqual({
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    email,
    name: 'Robin Wrench',
    role: 'worker',
    active: true,
    deactivated_at: null,
    created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
  });
  expect(JSON.stringify(created.body)).not.toMatch(/password/i);

  const read = await call(request, 'GET', `/api/v1/users/${user.id}`, { token: adminToken });
  expect(read.status).toBe(200);
  expect(read.body).toEqual(user);

  const found = await call(request, 'GET', `/api/v1/users?q=${encodeURIComponent(email)}`, { token: adminToken });
  expect(found.status).toBe(200);
  expect(found.body).toEqual({ data: [user], next_cursor: null });

  const edited = await send(request, 'PATCH', `/api/v1/users/${user.id}`, adminToken, { name: 'Robin Wrenchley' });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ id: user.id, name: 'Robin Wrenchley', email, role: 'worker' });

  // The new user can get a token with the password the admin set.
  const token = await tokenFor(request, { email, password: NEW_PASSWORD });
  expect((await call(request, 'GET', '/api/v1/me', { token })).body).toMatchObject({
    id: user.id,
    name: 'Robin Wrenchley',
  });
});

test('a bad email is 422 with errors.email; a duplicate email is 409', async ({ request }) => {
  const adminToken = await tokenFor(request, demo.admin);
  const invalid = await send(request, 'POST', '/api/v1/users', adminToken, {
    name: 'Bad Email',
    email: 'not-an-email',
    role: 'worker',
    password: NEW_PASSWORD,
  });
  expect(invalid.status).toBe(422);
  expect(problem(invalid).errors?.email).toEqual(['Enter a valid email address.']);

  const several = await send(request, 'POST', '/api/v1/users', adminToken, { role: 'boss', password: 'short' });
  expect(several.status).toBe(422);
  expect(Object.keys(problem(several).errors ?? {}).sort()).toEqual(['email', 'name', 'password', 'role']);

  const existing = await createUserViaApi(request, adminToken);
  const duplicate = await send(request, 'POST', '/api/v1/users', adminToken, {
    name: 'Copy Cat',
    email: existing.email.toUpperCase(),
    role: 'worker',
    password: NEW_PASSWORD,
  });
  expect(duplicate.status).toBe(409);
  expect(problem(duplicate).title).toBe('Conflict');
  expect(problem(duplicate).errors?.email).toBeDefined();

  const other = await createUserViaApi(request, adminToken);
  const renamed = await send(request, 'PATCH', `/api/v1/users/${other.id}`, adminToken, { email: existing.email });
  expect(renamed.status).toBe(409);
});

test('an unknown or malformed user id is 404, never a 500', async ({ request }) => {
  const adminToken = await tokenFor(request, demo.admin);
  for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '1%27%20or%201%3D1']) {
    const read = await call(request, 'GET', `/api/v1/users/${id}`, { token: adminToken });
    expect(read.status, id).toBe(404);
    expect(problem(read).title).toBe('Not Found');
    const deactivate = await call(request, 'POST', `/api/v1/users/${id}/deactivate`, { token: adminToken });
    expect(deactivate.status, id).toBe(404);
    const patch = await call(request, 'PATCH', `/api/v1/users/${id}`, { token: adminToken, json: { name: 'Ghost' } });
    expect(patch.status, id).toBe(404);
  }
});

test('a deactivated mechanic’s token stops working on the next request', async ({ request }) => {
  const adminToken = await tokenFor(request, demo.admin);
  const mechanic = await createUserViaApi(request, adminToken);
  const token = await tokenFor(request, mechanic);
  expect((await call(request, 'GET', '/api/v1/me', { token })).status).toBe(200);

  const deactivated = await call(request, 'POST', `/api/v1/users/${mechanic.id}/deactivate`, { token: adminToken });
  expect(deactivated.status).toBe(200);
  expect(deactivated.body).toMatchObject({ id: mechanic.id, active: false, deactivated_at: expect.any(String) });

  const refused = await call(request, 'GET', '/api/v1/me', { token });
  expect(refused.status).toBe(401);
  expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
  expect(
    (
      await call(request, 'POST', '/api/v1/auth/token', {
        json: { email: mechanic.email, password: mechanic.password },
      })
    ).status,
  ).toBe(401);

  const reactivated = await call(request, 'POST', `/api/v1/users/${mechanic.id}/reactivate`, { token: adminToken });
  expect(reactivated.body).toMatchObject({ active: true, deactivated_at: null });
  // The old token stays dead; a new sign-in works.
  expect((await call(request, 'GET', '/api/v1/me', { token })).status).toBe(401);
  const fresh = await tokenFor(request, mechanic);
  expect((await call(request, 'GET', '/api/v1/me', { token: fresh })).status).toBe(200);
});

test('a password reset and a role change each end the user’s token', async ({ request }) => {
  const adminToken = await tokenFor(request, demo.admin);
  const mechanic = await createUserViaApi(request, adminToken);
  const token = await tokenFor(request, mechanic);

  const tooShort = await send(request, 'POST', `/api/v1/users/${mechanic.id}/reset-password`, adminToken, {
    password: 'short',
  });
  expect(tooShort.status).toBe(422);
  expect(problem(tooShort).errors?.password).toBeDefined();
  expect((await call(request, 'GET', '/api/v1/me', { token })).status).toBe(200);

  const reset = await send(request, 'POST', `/api/v1/users/${mechanic.id}/reset-password`, adminToken, {
    password: 'brand-new-password',
  });
  expect(reset.status).toBe(200);
  expect(JSON.stringify(reset.body)).not.toMatch(/password/i);
  expect((await call(request, 'GET', '/api/v1/me', { token })).status).toBe(401);
  expect(
    (
      await call(request, 'POST', '/api/v1/auth/token', {
        json: { email: mechanic.email, password: mechanic.password },
      })
    ).status,
  ).toBe(401);

  const second = await tokenFor(request, { email: mechanic.email, password: 'brand-new-password' });
  expect((await call(request, 'GET', '/api/v1/me', { token: second })).status).toBe(200);
  const promoted = await send(request, 'PATCH', `/api/v1/users/${mechanic.id}`, adminToken, { role: 'admin' });
  expect(promoted.status).toBe(200);
  expect((promoted.body as UserBody).role).toBe('admin');
  expect((await call(request, 'GET', '/api/v1/me', { token: second })).status).toBe(401);
});

test('the users list pages with limit and next_cursor, and refuses a limit over 100 with 422', async ({ request }) => {
  const adminToken = await tokenFor(request, demo.admin);
  const tag = `pager${Date.now().toString(36)}`;
  const made = [];
  for (const name of ['Avery', 'Blake', 'Casey'])
    made.push(await createUserViaApi(request, adminToken, { name: `${name} ${tag}` }));

  const first = await call(request, 'GET', `/api/v1/users?q=${tag}&limit=2`, { token: adminToken });
  expect(first.status).toBe(200);
  const page1 = first.body as { data: UserBody[]; next_cursor: string | null };
  expect(page1.data.map((user) => user.name)).toEqual([`Avery ${tag}`, `Blake ${tag}`]);
  expect(page1.next_cursor).toEqual(expect.any(String));

  const second = await call(
    request,
    'GET',
    `/api/v1/users?q=${tag}&limit=2&cursor=${encodeURIComponent(page1.next_cursor!)}`,
    { token: adminToken },
  );
  const page2 = second.body as { data: UserBody[]; next_cursor: string | null };
  expect(page2.data.map((user) => user.name)).toEqual([`Casey ${tag}`]);
  expect(page2.next_cursor).toBeNull();

  const tooMany = await call(request, 'GET', '/api/v1/users?limit=101', { token: adminToken });
  expect(tooMany.status).toBe(422);
  expect(problem(tooMany).errors?.limit).toBeDefined();
  const badCursor = await call(request, 'GET', '/api/v1/users?cursor=garbage', { token: adminToken });
  expect(badCursor.status).toBe(422);
  expect(problem(badCursor).errors?.cursor).toBeDefined();

  // Default page size is 25.
  const all = await call(request, 'GET', '/api/v1/users', { token: adminToken });
  expect((all.body as { data: unknown[] }).data.length).toBeLessThanOrEqual(25);

  await call(request, 'POST', `/api/v1/users/${made[0]!.id}/deactivate`, { token: adminToken });
  const activeOnly = await call(request, 'GET', `/api/v1/users?q=${tag}&include_inactive=false`, { token: adminToken });
  expect((activeOnly.body as { data: UserBody[] }).data.map((user) => user.name)).toEqual([
    `Blake ${tag}`,
    `Casey ${tag}`,
  ]);
});
