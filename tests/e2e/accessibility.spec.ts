import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createJob } from './api-fixtures';
import { call, tokenFor } from './api-support';
import { demo, signIn } from './support';

// WCAG 2.1 A and AA, the level the screens promise (contrast, names, labels, landmarks).
const wcagAA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Every screen is checked on its own and changes nothing, so they share the workers.
test.describe.configure({ mode: 'parallel' });

async function violationsOn(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('main')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(wcagAA).analyze();
  // One line per failing element, so a failure names the rule and the element rather than dumping axe's report.
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${path} ${violation.id}: ${node.target.join(' ')} ${node.failureSummary ?? ''}`),
  );
}

/** The first link in the main area to a record of this kind (a demo customer, job, invoice…). */
async function firstRecord(page: Page, list: string, prefix: string): Promise<string> {
  await page.goto(list);
  const href = await page
    .locator(`main a[href^="${prefix}/"]:not([href$="/new"]):not([href*="?"])`)
    .first()
    .getAttribute('href');
  expect(href).toBeTruthy();
  return href!;
}

async function expectNoViolations(page: Page, path: string) {
  expect(await violationsOn(page, path)).toEqual([]);
}

const adminScreens: [string, string][] = [
  ['the job board: its columns, badges and filters', '/jobs'],
  // Columns with no cards: an empty column's note sits on the column's grey.
  ['the job board filtered down to a few cards', '/jobs?priority=urgent&overdue=on'],
  ['every job waiting for parts', '/jobs?status=waiting_for_parts'],
  ['a new job card', '/jobs/new'],
  ['the dashboard', '/dashboard'],
  ['the customer list', '/customers'],
  ['the vehicle list', '/vehicles'],
  ['the invoice list', '/invoices'],
  ['the user list', '/users'],
  ['the audit log', '/audit'],
  ['the parts list', '/parts'],
  ['the parts to reorder', '/parts?reorder=1'],
  ['a new part', '/parts/new'],
  ['the vendor list', '/vendors'],
  ['the purchase order list', '/purchase-orders'],
  ['a new purchase order', '/purchase-orders/new'],
  ['the shop settings, with the estimate fields', '/settings'],
  ['the timesheets and running clocks', '/time'],
  ['the technician report with its chart', '/reports/technicians'],
];

for (const [screen, path] of adminScreens) {
  test(`${screen} meets WCAG AA`, async ({ page }) => {
    await signIn(page, demo.admin);
    await expectNoViolations(page, path);
  });
}

const records: [string, string][] = [
  ['a job card', '/jobs'],
  ['a customer', '/customers'],
  ['a vehicle', '/vehicles'],
  ['an invoice', '/invoices'],
  ['a part with its ledger', '/parts'],
  ['a vendor', '/vendors'],
  ['a purchase order', '/purchase-orders'],
];

test('a time entry’s correction page meets WCAG AA', async ({ page }) => {
  await signIn(page, demo.admin);
  await expectNoViolations(page, await firstRecord(page, '/time', '/time/entries'));
});

for (const [record, list] of records) {
  test(`${record} meets WCAG AA`, async ({ page }) => {
    await signIn(page, demo.admin);
    await expectNoViolations(page, await firstRecord(page, list, list));
  });
}

test("a mechanic's own jobs (with a running clock) and one of their job cards meet WCAG AA", async ({ page }) => {
  await signIn(page, demo.worker);
  await expectNoViolations(page, '/my-jobs');
  await expectNoViolations(page, await firstRecord(page, '/my-jobs', '/jobs'));
});

test("a job's estimate editor, its printable estimate and the customer's approval page meet WCAG AA", async ({
  page,
  browser,
}) => {
  const token = await tokenFor(page.request, demo.admin);
  const { job } = await createJob(page.request, token);
  const estimate = await call(page.request, 'POST', `/api/v1/jobs/${job.id}/estimates`, {
    token,
    json: { lines: [{ kind: 'labor', description: 'Replace front pads', quantity: '1.5', unit_price_cents: 12_000 }] },
  });
  expect(estimate.status).toBe(201);
  const id = (estimate.body as { id: string }).id;
  const sent = await call(page.request, 'POST', `/api/v1/estimates/${id}/send`, { token });
  expect(sent.status).toBe(200);
  await signIn(page, demo.admin);
  await expectNoViolations(page, `/jobs/${job.id}`);
  await expectNoViolations(page, `/jobs/${job.id}/estimate`);
  await expectNoViolations(page, `/estimates/${id}/print`);
  // The customer's page, signed out and phone-sized.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const customer = await phone.newPage();
  await expectNoViolations(customer, new URL((sent.body as { approval_url: string }).approval_url).pathname);
  await expectNoViolations(customer, '/approve/no-such-link');
  await phone.close();
});
