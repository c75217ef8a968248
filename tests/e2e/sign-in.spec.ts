import { expect, test } from '@playwright/test';
import { demo, mainNav, signIn } from './support';

test('a signed-out visitor is sent to the sign-in page', async ({ page }) => {
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
});

test('a wrong password and an unknown email get the same message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(demo.admin.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong email or password.')).toBeVisible();

  await page.getByLabel('Email').fill('nobody@example.com');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong email or password.')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('the admin signs in to the admin shell and can sign out', async ({ page }) => {
  await signIn(page, demo.admin);
  await expect(page).toHaveURL(/\/dashboard$/);
  const nav = mainNav(page);
  for (const label of ['Dashboard', 'Jobs', 'Customers', 'Vehicles', 'Invoices', 'Users']) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
  }
  await nav.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.goto(`/users?q=${encodeURIComponent(demo.mechanic2.email)}`);
  await expect(page.getByRole('cell', { name: demo.mechanic2.email })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login/);
});

test('a worker signs in to the worker shell and is refused the admin screens', async ({ page }) => {
  await signIn(page, demo.worker);
  await expect(page).toHaveURL(/\/my-jobs$/);
  const nav = mainNav(page);
  for (const label of ['My jobs', 'Customers', 'Vehicles']) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
  }
  for (const label of ['Dashboard', 'Invoices', 'Users']) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toHaveCount(0);
  }

  await page.goto('/users');
  await expect(page).not.toHaveURL(/\/users/);
  await expect(page.getByText('That page is for admins only.')).toBeVisible();
  await expect(page.getByRole('cell', { name: demo.admin.email })).toHaveCount(0);
});

test('the shell fits a 1024×768 tablet without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn(page, demo.mechanic2);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
