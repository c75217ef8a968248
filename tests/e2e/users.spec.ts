import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, signIn } from './support';

function newWorker(label: string) {
  const tag = randomUUID().slice(0, 8);
  return {
    name: `${label} ${tag}`,
    email: `${label.toLowerCase().replace(/\s+/g, '-')}-${tag}@test.example`,
    password: `pass-${tag}-word`,
  };
}

async function createWorkerAsAdmin(admin: Page, worker: { name: string; email: string; password: string }) {
  await admin.goto('/users/new');
  await admin.getByLabel('Name', { exact: true }).fill(worker.name);
  await admin.getByLabel('Email', { exact: true }).fill(worker.email);
  await admin.getByLabel('Role', { exact: true }).selectOption('worker');
  await admin.getByLabel('Initial password', { exact: true }).fill(worker.password);
  await admin.getByRole('button', { name: 'Create user' }).click();
  await expect(admin).toHaveURL(/\/users\/[0-9a-f-]{36}/);
  await expect(admin.getByRole('heading', { name: worker.name })).toBeVisible();
  await expect(admin.getByText('User created.')).toBeVisible();
}

async function signedInPage(browser: Browser, who: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return { context, page };
}

/** The admin signed in, having created a worker named `name` (whose page the admin is on). */
async function adminCreatesWorker(browser: Browser, name: string) {
  const { context, page } = await signedInPage(browser, demo.admin);
  const worker = newWorker(name);
  await createWorkerAsAdmin(page, worker);
  return { adminContext: context, admin: page, worker };
}

test('the admin creates a worker, then deactivates them: their open session ends and they cannot sign in again', async ({
  browser,
}) => {
  const { adminContext, admin, worker } = await adminCreatesWorker(browser, 'Bay Mechanic');
  const workerPagePath = new URL(admin.url()).pathname;

  const { context: workerContext, page: workerPage } = await signedInPage(browser, worker);
  await expect(workerPage).toHaveURL(/\/my-jobs$/);
  await expect(workerPage.getByTestId('signed-in-user')).toContainText(worker.name);

  // The new worker is in the list with their status.
  await admin.goto(`/users?q=${encodeURIComponent(worker.email)}`);
  const row = admin.getByRole('row').filter({ hasText: worker.email });
  await expect(row.getByRole('cell', { name: 'Active' })).toBeVisible();
  await row.getByRole('link', { name: worker.name }).click();
  await expect(admin).toHaveURL((url) => url.pathname === workerPagePath);

  await admin.getByRole('button', { name: 'Deactivate' }).click();
  const dialog = admin.getByRole('alertdialog');
  await expect(dialog).toContainText(`Deactivate ${worker.name}?`);
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(admin.getByText('User deactivated. Their open sessions have ended.')).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Reactivate' })).toBeVisible();

  // The worker's very next navigation lands on the sign-in page.
  await workerPage.goto('/customers');
  await expect(workerPage).toHaveURL(/\/login/);
  await workerPage.getByLabel('Email').fill(worker.email);
  await workerPage.getByLabel('Password').fill(worker.password);
  await workerPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(workerPage.getByText('Wrong email or password.')).toBeVisible();
  await expect(workerPage).toHaveURL(/\/login/);

  await admin.goto(`/users?q=${encodeURIComponent(worker.email)}`);
  await expect(
    admin.getByRole('row').filter({ hasText: worker.email }).getByRole('cell', { name: 'Deactivated' }),
  ).toBeVisible();

  await workerContext.close();
  await adminContext.close();
});

test('an admin resets a worker password: the worker is signed out and signs in with the new one', async ({
  browser,
}) => {
  const { adminContext, admin, worker } = await adminCreatesWorker(browser, 'Front Desk');

  const { context: workerContext, page: workerPage } = await signedInPage(browser, worker);
  await expect(workerPage).toHaveURL(/\/my-jobs$/);

  // Too short first: the error sits under the field.
  await admin.getByLabel('New password', { exact: true }).fill('short');
  await admin.getByRole('button', { name: 'Reset password' }).click();
  await expect(admin.getByText('Password must be at least 8 characters.')).toBeVisible();

  const newPassword = `new-${randomUUID().slice(0, 12)}`;
  await admin.getByLabel('New password', { exact: true }).fill(newPassword);
  await admin.getByRole('button', { name: 'Reset password' }).click();
  await expect(admin.getByText('Password reset. Their open sessions have ended.')).toBeVisible();

  await workerPage.goto('/my-jobs');
  await expect(workerPage).toHaveURL(/\/login/);
  await signIn(workerPage, { email: worker.email, password: newPassword });
  await expect(workerPage).toHaveURL(/\/my-jobs$/);

  await workerContext.close();
  await adminContext.close();
});

test('an admin cannot deactivate or demote themselves, and a form keeps its values when refused', async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto('/users');
  await page
    .getByRole('row')
    .filter({ hasText: demo.admin.email })
    .getByRole('link', { name: demo.admin.name })
    .click();
  await expect(page.getByRole('heading', { name: demo.admin.name })).toBeVisible();
  await expect(page.getByLabel('Role', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Deactivate' })).toHaveCount(0);
  await expect(page.getByText('You cannot deactivate your own account.')).toBeVisible();

  // A duplicate email on the create form: the error is next to the field and the typed values stay.
  await page.goto('/users/new');
  await page.getByLabel('Name', { exact: true }).fill('Second Front Desk');
  await page.getByLabel('Email', { exact: true }).fill(demo.worker.email);
  await page.getByLabel('Initial password', { exact: true }).fill('long-enough-pass');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('That email is already in use.')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Second Front Desk');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(demo.worker.email);
  await expect(page).toHaveURL(/\/users\/new$/);
});

test('the dashboard sums up the shop and links to the work', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn(page, demo.admin);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: 'Open jobs' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^In progress/ })).toHaveAttribute('href', '/jobs?status=in_progress');
  await expect(page.getByRole('link', { name: /^Overdue jobs/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Completed, not invoiced/ })).toContainText(
    'Completed in the last 30 days',
  );
  await expect(page.getByRole('status', { name: 'Loading the dashboard numbers' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Unpaid invoices/ })).toContainText(/Open balance \$[\d,]+\.\d\d/);
  for (const [label, href] of [
    ['New customer', '/customers/new'],
    ['Job board', '/jobs'],
    ['Invoices', '/invoices'],
    ['Shop settings', '/settings'],
  ] as const) {
    await expect(
      page.getByRole('navigation', { name: 'Quick links' }).getByRole('link', { name: label }),
    ).toHaveAttribute('href', href);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
