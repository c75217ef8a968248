// Brute force: after 5 failed sign-ins for one account within 15 minutes, the screen and the token endpoint
// refuse further attempts with a clear message, even with the right password. Fresh accounts, so the demo
// sign-ins are never locked by this test.
import { expect, test } from '@playwright/test';
import { demoTokens } from './api-fixtures';
import { call, createUserViaApi, problem } from './api-support';

test('the sign-in screen refuses an account after 5 failed attempts, with a clear message', async ({
  page,
  request,
}) => {
  const tokens = await demoTokens(request);
  const person = await createUserViaApi(request, tokens.admin, { name: 'Terry Throttle' });
  await page.goto('/login');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(`wrong-password-${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
  }
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Too many failed sign-ins for this account\. Try again in \d+ minutes?\./)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('the token endpoint shares the same counter', async ({ request }) => {
  const tokens = await demoTokens(request);
  const person = await createUserViaApi(request, tokens.admin, { name: 'Tony Throttle' });
  for (let attempt = 1; attempt <= 5; attempt++) {
    const refused = await call(request, 'POST', '/api/v1/auth/token', {
      json: { email: person.email, password: 'wrong-password' },
    });
    expect(refused.status).toBe(401);
    expect(problem(refused).detail).toBe('Wrong email or password.');
  }
  const throttled = await call(request, 'POST', '/api/v1/auth/token', {
    json: { email: person.email, password: person.password },
  });
  expect(throttled.status).toBe(401);
  expect(problem(throttled).detail).toMatch(/Too many failed sign-ins/);
});
