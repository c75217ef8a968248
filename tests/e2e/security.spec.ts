// Security as a browser and an integration see it: headers, cookie flags, escaped stored text, and revocation of
// browser sessions and API tokens on a role change.
import { expect, test } from '@playwright/test';
import { createJob, demoTokens } from './api-fixtures';
import { call, createUserViaApi, tokenFor } from './api-support';
import { demo, signIn } from './support';

test('every response carries the security headers, with no unsafe-eval in production', async ({ request }) => {
  for (const path of ['/login', '/api/health', '/api/v1/openapi.json']) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-powered-by'], path).toBeUndefined();
  }
});

test('the session cookie is httpOnly and SameSite=Lax', async ({ page, context }) => {
  await signIn(page, demo.worker);
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith('next-auth.session-token'));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
});

test('a note containing a script tag shows as text and does not run', async ({ page, request }) => {
  const tokens = await demoTokens(request);
  const { job } = await createJob(request, tokens.worker);
  const hostile = `<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true"> & <b>bold</b>`;
  const note = await call(request, 'POST', `/api/v1/jobs/${job.id}/notes`, {
    token: tokens.admin,
    json: { body: hostile },
  });
  expect(note.status).toBe(201);
  await signIn(page, demo.admin);
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByText(hostile)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(await page.locator('[data-testid="job-notes"] b').count()).toBe(0);
});

test('a role change ends that user’s browser session and API token on their next request', async ({
  browser,
  request,
}) => {
  const tokens = await demoTokens(request);
  const person = await createUserViaApi(request, tokens.admin, { role: 'worker', name: 'Robin Rolechange' });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, person);
  const token = await tokenFor(request, person);
  expect((await call(request, 'GET', '/api/v1/me', { token })).status).toBe(200);

  const promoted = await call(request, 'PATCH', `/api/v1/users/${person.id}`, {
    token: tokens.admin,
    json: { role: 'admin' },
  });
  expect(promoted.status).toBe(200);

  expect((await call(request, 'GET', '/api/v1/me', { token })).status).toBe(401);
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/login/);
  // Signing in again gives the new role.
  await signIn(page, person);
  await expect(page).toHaveURL(/\/dashboard$/);
  await context.close();
});
