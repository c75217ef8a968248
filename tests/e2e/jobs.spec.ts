import { expect, test } from '@playwright/test';
import { createCustomer, createVehicle, demoTokens } from './api-fixtures';
import { demo, finishThroughWaitingForParts, signIn } from './support';

test('the admin assigns mechanic 2, who works the job through on a tablet; others cannot see it', async ({
  browser,
  request,
}) => {
  const title = `Grinding noise when braking ${Date.now()}`;

  // The admin opens a job card for a vehicle (a lower odometer reading needs a confirmation).
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin);
  // A vehicle of its own with a known odometer reading, found through the new-job vehicle search.
  const tokens = await demoTokens(request);
  const customer = await createCustomer(request, tokens.worker);
  const vehicle = await createVehicle(request, tokens.worker, customer.id, { odometer: 84_000 });
  await admin.goto(`/jobs/new?q=${encodeURIComponent(vehicle.plate!)}`);
  await admin
    .getByRole('link', { name: /^Choose/ })
    .first()
    .click();
  await expect(admin).toHaveURL(new RegExp(`/jobs/new\\?vehicleId=${vehicle.id}`));
  await admin.getByLabel('Complaint (title)').fill(title);
  await admin.getByLabel('Description').fill('Metal on metal from the front left.');
  await admin.getByLabel('Odometer in').fill('1');
  await admin.getByLabel('Priority').selectOption('high');
  await admin.getByRole('button', { name: 'Create job' }).click();
  await expect(admin.getByText("lower than the vehicle's last reading")).toBeVisible();
  await expect(admin.getByLabel('Complaint (title)')).toHaveValue(title);
  await admin.getByLabel('Confirm lower odometer').check();
  await admin.getByRole('button', { name: 'Create job' }).click();
  await expect(admin).toHaveURL(/\/jobs\/[0-9a-f-]{36}/);
  await expect(admin.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(admin.getByRole('heading', { level: 1 })).toContainText(/J-\d{6}/);
  await expect(admin.getByText('High priority')).toBeVisible();
  await expect(admin.getByLabel('Odometer in')).toHaveValue('1');
  const jobUrl = new URL(admin.url()).pathname;

  // On the job page, the admin assigns mechanic 2.
  await admin.getByRole('checkbox', { name: demo.mechanic2.name }).check();
  await admin.getByRole('button', { name: 'Save assignees' }).click();
  await expect(admin.getByText('Assignees saved.')).toBeVisible();
  await admin.screenshot({ path: test.info().outputPath('job-page-admin.png'), fullPage: true });

  // Mechanic 2, on a 1024×768 tablet, works the job from My jobs.
  const tabletContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const tablet = await tabletContext.newPage();
  await signIn(tablet, demo.mechanic2);
  await expect(tablet).toHaveURL(/\/my-jobs$/);
  const card = tablet.getByRole('article', { name: title });
  await expect(card).toBeVisible();
  expect(await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const start = card.getByRole('button', { name: 'Start' });
  expect((await start.boundingBox())!.height).toBeGreaterThanOrEqual(48);

  await start.click();
  await expect(card.getByTestId('job-status')).toHaveText('In progress');
  await card.getByLabel('Note').fill('Front left pads down to the metal; rotor scored.');
  await card.getByRole('button', { name: 'Add note' }).click();
  await expect(tablet.getByText('Note added.')).toBeVisible();
  await expect(card.getByLabel('Note')).toHaveValue('');

  await finishThroughWaitingForParts(card);
  await expect(card.getByRole('button', { name: 'Start' })).toHaveCount(0);
  expect(await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await tablet.screenshot({ path: test.info().outputPath('my-jobs-tablet.png'), fullPage: true });

  // The job's timeline shows every change, and the note is there with its author.
  await card.getByRole('link', { name: title }).click();
  await expect(tablet).toHaveURL(new RegExp(`${jobUrl}$`));
  const timeline = tablet.getByTestId('job-timeline');
  for (const step of [
    'Job created',
    'Created → In progress',
    'In progress → Waiting for parts',
    'Waiting for parts → In progress',
    'In progress → Completed',
  ]) {
    await expect(timeline.getByText(step, { exact: true })).toBeVisible();
  }
  await expect(timeline.getByText(demo.mechanic2.name).first()).toBeVisible();
  const notes = tablet.getByTestId('job-notes');
  await expect(notes.getByText('Front left pads down to the metal; rotor scored.')).toBeVisible();
  await expect(notes.getByText(demo.mechanic2.name)).toBeVisible();
  expect(await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // The admin now sees the invoice step on the completed job.
  await admin.reload();
  await expect(admin.getByRole('link', { name: 'Create invoice' })).toHaveAttribute('href', `${jobUrl}/invoice`);
  await expect(admin.getByTestId('job-timeline').getByText('In progress → Completed')).toBeVisible();

  // A worker who is not assigned to the job and did not create it gets a not-found page.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, demo.worker);
  const response = await other.goto(jobUrl);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole('heading', { name: 'Job not found' })).toBeVisible();
  await expect(other.getByText(title)).toHaveCount(0);

  await Promise.all([adminContext.close(), tabletContext.close(), otherContext.close()]);
});

test('the admin board shows a column per status with counts and filters', async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto('/jobs');
  for (const status of ['Created', 'In progress', 'Waiting for parts', 'Completed', 'Cancelled']) {
    await expect(page.getByRole('heading', { name: new RegExp(`^${status}`) })).toBeVisible();
  }
  await page.getByLabel('Worker').selectOption({ label: demo.mechanic2.name });
  await page.getByLabel('Overdue only').check();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/overdue=on/);
  await expect(page.getByTestId('column-completed').getByText('No jobs.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('job-board.png'), fullPage: true });
});

test('a mechanic is sent away from the board but can open a new job card', async ({ page }) => {
  await signIn(page, demo.mechanic2);
  await page.goto('/jobs');
  await expect(page).toHaveURL(/\/my-jobs\?denied=1/);
  await expect(page.getByText('That page is for admins only.')).toBeVisible();
  await page.goto('/jobs/new');
  await expect(page.getByRole('heading', { name: 'New job' })).toBeVisible();
});

test('two tablets edit the same job: the second save is told to reload; cancelling asks for a reason', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const first = await context.newPage();
  await signIn(first, demo.admin);
  await first.goto('/jobs/new');
  await first
    .getByRole('link', { name: /^Choose/ })
    .nth(1)
    .click();
  const title = `Coolant smell ${Date.now()}`;
  await first.getByLabel('Complaint (title)').fill(title);
  await first.getByRole('button', { name: 'Create job' }).click();
  await expect(first).toHaveURL(/\/jobs\/[0-9a-f-]{36}/);
  const jobUrl = new URL(first.url()).pathname;

  const second = await context.newPage();
  await second.goto(jobUrl);
  await first.getByLabel('Description').fill('Sweet smell in the cabin.');
  await first.getByRole('button', { name: 'Save changes' }).click();
  await expect(first.getByText('Job saved.')).toBeVisible();

  await second.getByLabel('Complaint (title)').fill(`${title} (edited)`);
  await second.getByRole('button', { name: 'Save changes' }).click();
  await expect(second.getByText(/changed by someone else — reload/)).toBeVisible();
  await expect(second.getByLabel('Complaint (title)')).toHaveValue(`${title} (edited)`);
  await second.reload();
  await expect(second.getByLabel('Description')).toHaveValue('Sweet smell in the cabin.');
  await expect(second.getByLabel('Complaint (title)')).toHaveValue(title);

  await second.getByRole('button', { name: 'Cancel job' }).click();
  const dialog = second.getByRole('alertdialog');
  await dialog.getByLabel('Reason').fill('Customer sold the car.');
  await dialog.getByRole('button', { name: 'Cancel job' }).click();
  await expect(second.getByTestId('job-status')).toHaveText('Cancelled');
  await expect(second.getByTestId('job-timeline').getByText('Reason: Customer sold the car.')).toBeVisible();
  await expect(second.getByRole('button', { name: 'Start' })).toHaveCount(0);
  await context.close();
});
