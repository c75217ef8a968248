// Estimates and the customer's authorization (issue 14), in a browser: staff write and send an estimate on the
// job page, the customer answers on a phone-sized page without signing in, the invoice starts from what was
// approved. Each test opens its own job (through the API) so nothing depends on another test.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { changeStatus, createJob } from './api-fixtures';
import { tokenFor } from './api-support';
import { addLine, demo, signIn } from './support';

const shopPhone = '(555) 010-4477';

/** A new job for the demo admin, its page open in `page` (signed in). */
async function openNewJob(page: Page) {
  const token = await tokenFor(page.request, demo.admin);
  const title = `Brakes squeal ${Date.now().toString(36)}`;
  const { job } = await createJob(page.request, token, { title });
  await signIn(page, demo.admin);
  await page.goto(`/jobs/${job.id}`);
  return { job: { ...job, title }, token };
}

/**
 * Writes an estimate in the job's line editor — 1.5 h labor at the shop rate (no tax), 2 brake pads at 49.99
 * and a 15.00 fee (8.25% each): 180.00 + 108.23 + 16.24 = $304.47 — and sends it; returns the approval link.
 */
async function writeAndSend(page: Page, jobId: string): Promise<string> {
  const panel = page.getByRole('region', { name: 'Estimate' });
  await expect(panel.getByText('No estimate yet.')).toBeVisible();
  await panel.getByRole('link', { name: 'New estimate' }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}/estimate$`));
  await expect(page.getByRole('heading', { name: /^New estimate for J-\d{6}$/ })).toBeVisible();
  await page.getByLabel('Quantity (hours)').fill('1.5');
  await addLine(page, 'part', 1, { Description: 'Brake pads (front)', Quantity: '2', 'Unit price': '49.99' });
  await addLine(page, 'fee', 2, { Description: 'Shop supplies', 'Unit price': '15' });
  await expect(page.getByTestId('preview-total')).toHaveText('$304.47');
  await page.getByRole('button', { name: 'Save estimate' }).click();

  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}(\\?.*)?$`));
  await expect(panel.getByTestId('estimate-status')).toHaveText('Draft');
  await expect(panel.getByText('Version 1')).toBeVisible();
  await panel.getByRole('button', { name: 'Send to customer' }).click();
  const link = panel.getByLabel('Approval link (shown once)');
  await expect(link).toHaveValue(/^https?:\/\/[^/]+\/approve\/[A-Za-z0-9_-]{43}$/);
  await expect(panel.getByText(/^Expires /)).toBeVisible();
  await panel.getByRole('button', { name: 'Copy' }).click();
  await expect(panel.getByRole('button', { name: 'Copied' })).toBeVisible();
  const url = await link.inputValue();
  await page.reload();
  await expect(panel.getByTestId('estimate-status')).toHaveText('Sent');
  return new URL(url).pathname;
}

/** A phone-sized browser of its own: no cookies, no sign-in. */
async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

async function completeJob(page: Page, token: string, jobId: string) {
  await changeStatus(page.request, token, jobId, 'in_progress');
  await changeStatus(page.request, token, jobId, 'completed');
}

/** The invoice editor starts from the approved lines; issuing it shows the invoice with that total. */
async function invoiceFromApprovedLines(page: Page, jobId: string, descriptions: string[], total: string) {
  await page.goto(`/jobs/${jobId}/invoice`);
  const lines = page.getByTestId('invoice-line');
  await expect(lines).toHaveCount(descriptions.length);
  for (const [index, description] of descriptions.entries()) {
    await expect(lines.nth(index).getByLabel('Description')).toHaveValue(description);
  }
  await expect(page.getByTestId('preview-total')).toHaveText(total);
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(page.getByRole('heading', { name: /^Invoice INV-\d{4}-\d{4}$/ })).toBeVisible();
  await expect(page.getByTestId('invoice-total')).toHaveText(total);
}

test.describe.configure({ mode: 'parallel' });

test('the customer approves part of the estimate by link on a phone, and the invoice starts from it', async ({
  page,
  browser,
}, testInfo) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const { job, token } = await openNewJob(page);
  const approvePath = await writeAndSend(page, job.id);

  // The customer's phone: no sign-in, nothing but this estimate, no horizontal scroll.
  const customer = await phone(browser);
  await customer.page.goto(approvePath);
  await expect(customer.page.getByRole('heading', { name: 'Main Street Auto Repair' })).toBeVisible();
  await expect(customer.page.getByText('100 Main Street, Springfield')).toBeVisible();
  await expect(customer.page.getByRole('link', { name: shopPhone })).toBeVisible();
  await expect(customer.page.getByText('2019 Skoda Octavia')).toBeVisible();
  await expect(customer.page.getByText(job.title, { exact: true })).toBeVisible();
  await expect(customer.page.getByRole('navigation')).toHaveCount(0);
  await expect(customer.page.getByRole('link', { name: /sign in/i })).toHaveCount(0);
  const boxes = customer.page.getByRole('checkbox');
  await expect(boxes).toHaveCount(3);
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await expect(customer.page.getByTestId('approval-total')).toHaveText('$304.47');
  expect(
    await customer.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await customer.page.screenshot({ path: testInfo.outputPath('approve-phone.png'), fullPage: true });

  await customer.page.getByRole('checkbox', { name: /Shop supplies/ }).uncheck();
  await expect(customer.page.getByTestId('approval-total')).toHaveText('$288.23');
  await customer.page.getByRole('button', { name: 'Approve selected work' }).click();
  await expect(customer.page.locator('#approval-name-error')).toBeVisible();
  await expect(customer.page.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
  await customer.page.getByLabel('Your name').fill('Ann Driver');
  await customer.page.getByRole('button', { name: 'Approve selected work' }).click();
  const confirmation = customer.page.getByRole('status');
  await expect(confirmation.getByText('Thank you, Ann Driver. You approved:')).toBeVisible();
  await expect(confirmation.getByText('Brake pads (front)')).toBeVisible();
  await expect(confirmation.getByText('Shop supplies')).toHaveCount(0);
  await expect(confirmation.getByText('Approved total: $288.23')).toBeVisible();
  // Opened again, the answered link shows the answer and whom to call.
  await customer.page.reload();
  await expect(customer.page.getByText('Thank you, Ann Driver. You approved:')).toBeVisible();
  await expect(customer.page.getByText(`Questions? Call Main Street Auto Repair at ${shopPhone}.`)).toBeVisible();
  await customer.context.close();

  // Back at the shop: the panel and the timeline show the answer; the invoice starts from the approved lines.
  await page.reload();
  const panel = page.getByRole('region', { name: 'Estimate' });
  await expect(panel.getByTestId('estimate-status')).toHaveText('Approved');
  await expect(panel.getByTestId('approved-total')).toHaveText('$288.23');
  const timeline = page.getByTestId('job-timeline');
  await expect(timeline.getByText('Estimate v1 created')).toBeVisible();
  await expect(timeline.getByText('Estimate v1 sent to the customer')).toBeVisible();
  await expect(timeline.getByText('Estimate v1 approved by link')).toBeVisible();
  await expect(timeline.getByText('Ann Driver approved $288.23 (2 lines)')).toBeVisible();
  await completeJob(page, token, job.id);
  await invoiceFromApprovedLines(page, job.id, [`Labor: ${job.title}`, 'Brake pads (front)'], '$288.23');
});

test('staff record a phone approval (the name is required), and the invoice starts from it', async ({ page }) => {
  const { job, token } = await openNewJob(page);
  await writeAndSend(page, job.id);
  const panel = page.getByRole('region', { name: 'Estimate' });
  await panel.getByRole('button', { name: 'Record phone approval' }).click();
  await expect(panel.getByLabel('How')).toHaveValue('phone');
  await panel.getByRole('checkbox', { name: /Brake pads \(front\)/ }).uncheck();
  await panel.getByRole('button', { name: 'Record approval' }).click();
  await expect(panel.locator('#field-authorizedBy-error')).toBeVisible();
  await expect(panel.getByLabel('Authorized by')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByTestId('estimate-status')).toHaveText('Sent');
  await panel.getByLabel('Authorized by').fill('Sam Owner');
  await panel.getByLabel('Note').fill('Called at 10:05, no pads today');
  await panel.getByRole('button', { name: 'Record approval' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Approval recorded.' })).toBeVisible();
  await expect(panel.getByTestId('estimate-status')).toHaveText('Approved');
  // 180.00 labor + 16.24 fee
  await expect(panel.getByTestId('approved-total')).toHaveText('$196.24');
  await expect(panel.getByText('By phone: Sam Owner, $196.24 approved', { exact: false })).toBeVisible();
  const timeline = page.getByTestId('job-timeline');
  await expect(timeline.getByText('Estimate v1 approved by phone')).toBeVisible();
  await expect(timeline.getByText('Sam Owner approved $196.24 (2 lines)')).toBeVisible();
  await completeJob(page, token, job.id);
  await invoiceFromApprovedLines(page, job.id, [`Labor: ${job.title}`, 'Shop supplies'], '$196.24');
});

test('the customer declines all; the answered link, then the superseded one, say whom to call', async ({
  page,
  browser,
}) => {
  const { job } = await openNewJob(page);
  const approvePath = await writeAndSend(page, job.id);
  const customer = await phone(browser);
  await customer.page.goto(approvePath);
  await customer.page.getByLabel('Your name').fill('Ann Driver');
  await customer.page.getByRole('button', { name: 'Decline all' }).click();
  await expect(customer.page.getByText('Thank you, Ann Driver. You declined this estimate.')).toBeVisible();
  await expect(customer.page.getByText(`Questions? Call Main Street Auto Repair at ${shopPhone}.`)).toBeVisible();

  await page.reload();
  const panel = page.getByRole('region', { name: 'Estimate' });
  await expect(panel.getByTestId('estimate-status')).toHaveText('Declined');
  await expect(page.getByTestId('job-timeline').getByText('Estimate v1 declined by link')).toBeVisible();
  await expect(page.getByTestId('job-timeline').getByText('Ann Driver declined all work')).toBeVisible();

  // Revising writes version 2: the old link is dead and says so, with the shop's phone number.
  await panel.getByRole('button', { name: 'Revise' }).click();
  await expect(page.getByRole('heading', { name: /^Edit estimate v2 for J-\d{6}$/ })).toBeVisible();
  await customer.page.goto(approvePath);
  await expect(customer.page.getByRole('main').getByRole('alert')).toHaveText(
    `This estimate has been replaced by a newer version. Please call us at ${shopPhone} for an up-to-date estimate.`,
  );
  await expect(customer.page.getByRole('button', { name: 'Approve selected work' })).toHaveCount(0);
  await customer.page.goto('/approve/not-a-real-token-at-all');
  await expect(customer.page.getByRole('main').getByRole('alert')).toContainText(
    `This link is not valid. Please call us at ${shopPhone}`,
  );
  await customer.context.close();

  await page.goto(`/jobs/${job.id}`);
  const timeline = page.getByTestId('job-timeline');
  await expect(timeline.getByText('Estimate v1 superseded')).toBeVisible();
  await expect(timeline.getByText('Estimate v2 created')).toBeVisible();
});

test('shop settings hold the phone, link validity, approval tolerance and terms, each refused next to its field', async ({
  page,
}) => {
  await signIn(page, demo.admin);
  await page.goto('/settings');
  await expect(page.getByLabel('Phone')).toHaveValue(shopPhone);
  await expect(page.getByLabel('Estimate valid for (days)')).toHaveValue('7');
  await expect(page.getByLabel('Approval tolerance (%)')).toHaveValue('10');
  await expect(page.getByLabel('Estimate terms')).toHaveValue(/Work not approved here is not done/);
  await page.getByLabel('Estimate valid for (days)').fill('0');
  await page.getByLabel('Approval tolerance (%)').fill('101');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('An estimate link is valid for at least 1 day.')).toBeVisible();
  await expect(page.getByText('Tolerance is at most 100%.')).toBeVisible();
  await expect(page.getByLabel('Approval tolerance (%)')).toHaveValue('101');
  await expect(page.getByLabel('Approval tolerance (%)')).toHaveAttribute('aria-invalid', 'true');
  // Saved as they were: the other tests run against these values.
  await page.getByLabel('Estimate valid for (days)').fill('7');
  await page.getByLabel('Approval tolerance (%)').fill('10');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByLabel('Phone')).toHaveValue(shopPhone);
});
