// The board's "Show all" for one status: a paged list of every job in that status, for admins.
import { expect, test } from '@playwright/test';
import { changeStatus, createJob, demoTokens } from './api-fixtures';
import { demo, signIn } from './support';

test('an admin opens every job of one status from the board, and a new one is on the list', async ({
  page,
  request,
}) => {
  const tokens = await demoTokens(request);
  const { job } = await createJob(request, tokens.worker);
  await changeStatus(request, tokens.admin, job.id, 'in_progress');
  await changeStatus(request, tokens.admin, job.id, 'waiting_for_parts');

  await signIn(page, demo.admin);
  await page.goto('/jobs?status=waiting_for_parts');
  const list = page.getByTestId('list-waiting_for_parts');
  await expect(list).toBeVisible();
  await expect(list.getByRole('link', { name: new RegExp(job.number) }).first()).toBeVisible();
  // Only that status is listed.
  await expect(page.getByTestId('column-created')).toHaveCount(0);
});

test('a worker asking for the status list is sent to their own jobs', async ({ page }) => {
  await signIn(page, demo.worker);
  await page.goto('/jobs?status=created');
  await expect(page).toHaveURL(/\/my-jobs/);
});
