// Sign-in and sessions as an attacker would try them: copied cookies, redirects to other sites, the first-run
// screen of a shop that already has users, and the build's output.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demoTokens } from './api-fixtures';
import { createUserViaApi } from './api-support';
import { demo, signIn } from './support';

test('after signing out, a copy of the session cookie no longer opens the shop', async ({ page, context, browser }) => {
  await signIn(page, demo.mechanic2);
  const copied = await context.cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const thief = await browser.newContext();
  try {
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto('/my-jobs');
    await expect(stolen).toHaveURL(/\/login/);
    await expect(stolen.getByRole('button', { name: 'Sign in' })).toBeVisible();
  } finally {
    await thief.close();
  }
});

for (const target of ['/\\evil.example', '/%09/evil.example', '//evil.example', 'https://evil.example/jobs']) {
  test(`a sign-in link with callbackUrl=${target} lands on this site's home page`, async ({ page, baseURL }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(target).replace('%2509', '%09')}`);
    await page.getByLabel('Email').fill(demo.worker.email);
    await page.getByLabel('Password').fill(demo.worker.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe('/my-jobs');
  });
}

test('a callbackUrl given twice is ignored, and a page of this site is where the sign-in returns', async ({ page }) => {
  const repeated = await page.goto('/login?callbackUrl=/customers&callbackUrl=//evil.example');
  expect(repeated!.status()).toBe(200);
  await page.goto('/login?callbackUrl=%2Fcustomers');
  await page.getByLabel('Email').fill(demo.worker.email);
  await page.getByLabel('Password').fill(demo.worker.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/customers$/);
});

test('a mechanic changes their password on the account page; their other browser is signed out, this one stays', async ({
  page,
  browser,
  request,
}) => {
  const tokens = await demoTokens(request);
  const mechanic = await createUserViaApi(request, tokens.admin, { name: 'Robin Account' });
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, mechanic);
    await signIn(page, mechanic);
    await page.getByRole('link', { name: 'Your account' }).click();
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
    await page.getByLabel('Current password').fill('not-the-password');
    await page.getByLabel('New password', { exact: true }).fill('brand-new-pass-1');
    await page.getByLabel('New password again').fill('brand-new-pass-1');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('That is not your current password.')).toBeVisible();

    await page.getByLabel('Current password').fill(mechanic.password);
    await page.getByLabel('New password', { exact: true }).fill('brand-new-pass-1');
    await page.getByLabel('New password again').fill('brand-new-pass-1');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Password changed.')).toBeVisible();

    await page.goto('/my-jobs');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await otherPage.goto('/my-jobs');
    await expect(otherPage).toHaveURL(/\/login/);
    await signIn(otherPage, { email: mechanic.email, password: 'brand-new-pass-1' });
  } finally {
    await other.close();
  }
});

test('the first-run setup screen does not exist once the shop has users', async ({ page }) => {
  const response = await page.goto('/setup');
  expect(response!.status()).toBe(404);
});

test("the build's output holds no copy of .data (the embedded database, the auth secret)", () => {
  const distDir = path.resolve(process.env.NEXT_DIST_DIR ?? '.next');
  expect(existsSync(path.join(distDir, 'standalone'))).toBe(true);
  expect(existsSync(path.join(distDir, 'standalone', '.data'))).toBe(false);
});
