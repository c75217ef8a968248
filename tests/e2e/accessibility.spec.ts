import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './support';

// WCAG 2.1 A and AA, the level the screens promise (contrast, names, labels, landmarks).
const wcagAA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

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

async function expectNoViolations(page: Page, paths: string[]) {
  const violations: string[] = [];
  for (const path of paths) violations.push(...(await violationsOn(page, path)));
  expect(violations).toEqual([]);
}

test('the job board meets WCAG AA for the admin: its columns, badges, filters and status lists', async ({ page }) => {
  await signIn(page, demo.admin);
  await expectNoViolations(page, [
    '/jobs',
    // Columns with no cards (an empty column's note sits on the column's grey).
    '/jobs?priority=urgent&overdue=on',
    '/jobs?status=waiting_for_parts',
    '/jobs?status=completed',
  ]);
});

test("the admin's lists meet WCAG AA", async ({ page }) => {
  await signIn(page, demo.admin);
  await expectNoViolations(page, ['/dashboard', '/customers', '/vehicles', '/invoices', '/users', '/audit']);
});

test('a job card, a customer, a vehicle and an invoice meet WCAG AA', async ({ page }) => {
  await signIn(page, demo.admin);
  await expectNoViolations(page, [
    '/jobs/new',
    await firstRecord(page, '/jobs', '/jobs'),
    await firstRecord(page, '/customers', '/customers'),
    await firstRecord(page, '/vehicles', '/vehicles'),
    await firstRecord(page, '/invoices', '/invoices'),
  ]);
});

test("a mechanic's board and job card meet WCAG AA", async ({ page }) => {
  await signIn(page, demo.worker);
  const job = await firstRecord(page, '/jobs', '/jobs');
  await expectNoViolations(page, ['/jobs', job]);
});
