// A mechanic on the tablet clocks on, switches jobs and clocks off, one tap each, with the running clock in the
// header; an admin corrects one of the entries on /time and sees the technician report move.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { call, createUserViaApi, tokenFor } from './api-support';
import { createJob, tag } from './api-fixtures';
import { demo, signIn } from './support';

async function as(browser: Browser, who: { email: string; password: string }, tablet = false): Promise<Page> {
  const context = await browser.newContext(tablet ? { viewport: { width: 1024, height: 768 }, hasTouch: true } : {});
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('a mechanic clocks on, switches jobs and clocks off; an admin corrects an entry and the report moves', async ({
  browser,
  request,
}) => {
  // A mechanic of their own with two jobs assigned (the demo mechanics' clocks are other tests' business).
  const adminToken = await tokenFor(request, demo.admin);
  const name = `Robin Clock ${tag()}`;
  const mechanic = await createUserViaApi(request, adminToken, { name });
  const jobs = [];
  for (const title of [`Brake pads ${tag()}`, `Timing belt ${tag()}`]) {
    const { job } = await createJob(request, adminToken, { title });
    const assigned = await call(request, 'PUT', `/api/v1/jobs/${job.id}/assignees`, {
      token: adminToken,
      json: { user_ids: [mechanic.id] },
    });
    expect(assigned.status).toBe(200);
    jobs.push({ ...job, title });
  }
  const [first, second] = jobs as [(typeof jobs)[0], (typeof jobs)[0]];

  const tablet = await as(browser, mechanic, true);
  await tablet.goto('/my-jobs');
  const card = (job: { title: string }) => tablet.getByTestId('my-job-card').filter({ hasText: job.title });
  const shellClock = tablet.getByRole('region', { name: 'Running clock' });

  // Clock on: one tap; the card shows the timer and Stop clock, the header the job and Stop; the job is started.
  await card(first).getByRole('button', { name: 'Start clock' }).click();
  await expect(card(first).getByRole('button', { name: 'Stop clock' })).toBeVisible();
  await expect(card(first).getByTestId('running-timer')).toHaveText(/^0:00:\d\d$/);
  await expect(card(first)).toContainText('In progress');
  await expect(shellClock).toContainText(first.number);
  await expect(shellClock.getByRole('button', { name: 'Stop' })).toBeVisible();

  // Switch jobs: one tap on the other card stops the first clock.
  await card(second).getByRole('button', { name: 'Start clock' }).click();
  await expect(card(second).getByRole('button', { name: 'Stop clock' })).toBeVisible();
  await expect(card(first).getByRole('button', { name: 'Start clock' })).toBeVisible();
  await expect(shellClock).toContainText(second.number);

  // The running clock follows the mechanic to other pages.
  await tablet.goto('/customers');
  await expect(shellClock).toContainText(second.number);
  await tablet.goto('/my-jobs');

  // Clock off.
  await card(second).getByRole('button', { name: 'Stop clock' }).click();
  await expect(card(second).getByRole('button', { name: 'Start clock' })).toBeVisible();
  await expect(shellClock).toHaveCount(0);

  // The office: the report first shows a few seconds for the mechanic.
  const admin = await as(browser, demo.admin);
  const report = `/reports/technicians?from=${day(-1)}&to=${day(0)}`;
  const row = admin.getByTestId('technician-row').filter({ hasText: name });
  await admin.goto(report);
  await expect(row).toContainText('0.00');
  await expect(admin.getByRole('link', { name: 'Download CSV' })).toBeVisible();

  // The first entry really took two hours yesterday morning: corrected on /time with a reason.
  await admin.goto('/time');
  const sheet = admin.getByRole('region', { name: `Timesheet of ${name}` });
  await expect(sheet.getByRole('link', { name: first.number })).toBeVisible();
  await sheet
    .getByRole('link', { name: /^Correct/ })
    .first()
    .click();
  await admin.getByLabel('Start (UTC)').fill(`${day(-1)}T08:00`);
  await admin.getByLabel('End (UTC)').fill(`${day(-1)}T10:00`);
  await admin.getByLabel('Reason').fill('Forgot to clock on; the paper card says 8 to 10.');
  await admin.getByRole('button', { name: 'Save correction' }).click();
  await expect(admin.getByRole('cell', { name: 'Forgot to clock on; the paper card says 8 to 10.' })).toBeVisible();

  // The report moves: two hours more.
  await admin.goto(report);
  await expect(row).toContainText('2.00');
});
