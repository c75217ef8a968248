// The whole shop day in the browser, three people signed in at once in their own browser contexts: the front
// desk (a worker) registers a customer, their vehicle and a job card; the admin assigns mechanic 2; mechanic 2,
// on a 1024×768 tablet, starts the job, adds a note, waits for parts, resumes and completes it; the admin issues
// the invoice, records a partial then a full payment, and prints it. Each main screen is saved as an artifact.
import { expect, test, type Page } from '@playwright/test';
import { withCheckDigit } from '../../db/vin';
import { addLine, demo, finishThroughWaitingForParts, signIn } from './support';

async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test('front desk, admin and mechanic take a job from walk-in to paid invoice', async ({ browser }) => {
  test.setTimeout(180_000);
  const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
  const customerName = `Jordan Walkin ${tag}`;
  const plate = `JW ${tag}`;
  const title = `Squeaky brakes ${tag}`;
  const vin = withCheckDigit(
    `1HG${Array.from({ length: 14 }, () => 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'[Math.floor(Math.random() * 33)]).join('')}`,
  );

  const frontDeskContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const tabletContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const frontDesk = await frontDeskContext.newPage();
  const admin = await adminContext.newPage();
  const tablet = await tabletContext.newPage();
  await Promise.all([signIn(frontDesk, demo.worker), signIn(admin, demo.admin), signIn(tablet, demo.mechanic2)]);

  // Front desk: customer, vehicle, job card.
  await frontDesk.goto('/customers');
  await snapshot(frontDesk, '01-customers');
  await frontDesk.getByRole('link', { name: 'New customer' }).click();
  await frontDesk.getByLabel('Name').fill(customerName);
  await frontDesk.getByLabel('Phone').fill('555-0142-777');
  await frontDesk.getByRole('button', { name: 'Save customer' }).click();
  await expect(frontDesk.getByRole('heading', { name: customerName })).toBeVisible();
  await frontDesk.getByRole('link', { name: 'Add vehicle' }).click();
  await frontDesk.getByLabel('VIN', { exact: true }).fill(vin);
  await frontDesk.getByLabel('Plate').fill(plate);
  await frontDesk.getByLabel('Make').fill('Honda');
  await frontDesk.getByLabel('Model').fill('Civic');
  await frontDesk.getByLabel('Year').fill('2018');
  await frontDesk.getByLabel('Odometer').fill('62000');
  await frontDesk.getByRole('button', { name: 'Save vehicle' }).click();
  await expect(frontDesk.getByRole('heading', { name: customerName })).toBeVisible();
  await snapshot(frontDesk, '02-customer-page');
  await frontDesk
    .getByRole('row', { name: new RegExp(plate) })
    .getByRole('link', { name: 'New job' })
    .click();
  await frontDesk.getByLabel('Complaint (title)').fill(title);
  await frontDesk.getByLabel('Description').fill('Squeal from the front when braking at low speed.');
  await frontDesk.getByLabel('Odometer in').fill('62150');
  await frontDesk.getByRole('button', { name: 'Create job' }).click();
  await expect(frontDesk).toHaveURL(/\/jobs\/[0-9a-f-]{36}/);
  await expect(frontDesk.getByRole('heading', { level: 1 })).toContainText(/J-\d{6}/);
  await expect(frontDesk.getByTestId('job-status')).toHaveText('Created');
  const jobPath = new URL(frontDesk.url()).pathname;
  await snapshot(frontDesk, '03-job-card');

  // Admin: the job is on the board; assign mechanic 2.
  await admin.goto('/jobs');
  await expect(admin.getByTestId('column-created').getByText(title)).toBeVisible();
  await snapshot(admin, '04-job-board');
  await admin.goto(jobPath);
  await admin.getByRole('checkbox', { name: demo.mechanic2.name }).check();
  await admin.getByRole('button', { name: 'Save assignees' }).click();
  await expect(admin.getByText('Assignees saved.')).toBeVisible();

  // Mechanic 2 on the tablet.
  await tablet.goto('/my-jobs');
  const card = tablet.getByRole('article', { name: new RegExp(title) });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Start' }).click();
  await expect(card.getByTestId('job-status')).toHaveText('In progress');
  await card.getByLabel('Note').fill('Front pads worn to 2 mm; ordering a set.');
  await card.getByRole('button', { name: 'Add note' }).click();
  await expect(tablet.getByText('Note added.')).toBeVisible();
  await finishThroughWaitingForParts(card);
  expect(await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await snapshot(tablet, '05-my-jobs-tablet');

  // Admin: invoice, partial payment, full payment, print.
  await admin.goto(jobPath);
  await expect(admin.getByTestId('job-timeline').getByText('In progress → Completed')).toBeVisible();
  await admin.getByRole('link', { name: 'Create invoice' }).click();
  await admin.getByLabel('Quantity (hours)').fill('1.5');
  await addLine(admin, 'part', 1, { Description: 'Brake pads (front)', Quantity: '1', 'Unit price': '59.90' });
  await snapshot(admin, '06-new-invoice');
  await admin.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(admin.getByRole('heading', { name: /^Invoice INV-\d{4}-\d{4}$/ })).toBeVisible();
  await expect(admin.getByTestId('payment-status')).toHaveText('Unpaid');

  await admin.getByLabel(/^Amount/).fill('100');
  await admin.getByLabel('Method').selectOption({ label: 'Card' });
  await admin.getByRole('button', { name: 'Record payment' }).click();
  await expect(admin.getByTestId('payment-status')).toHaveText('Partially paid');
  const balance = (await admin.getByTestId('invoice-balance').textContent())!.replace(/[^0-9.]/g, '');
  await admin.getByLabel(/^Amount/).fill(balance);
  await admin.getByLabel('Method').selectOption({ label: 'Cash' });
  await admin.getByRole('button', { name: 'Record payment' }).click();
  await expect(admin.getByTestId('payment-status')).toHaveText('Paid');
  await expect(admin.getByTestId('invoice-balance')).toHaveText('$0.00');
  await snapshot(admin, '07-invoice-paid');

  await admin.getByRole('link', { name: 'Print' }).click();
  await expect(admin).toHaveURL(/\/print$/);
  await expect(admin.getByText(customerName)).toBeVisible();
  await expect(admin.getByText(plate).first()).toBeVisible();
  await expect(admin.getByRole('cell', { name: 'Brake pads (front)' })).toBeVisible();
  await admin.emulateMedia({ media: 'print' });
  await expect(admin.getByRole('button', { name: 'Print' })).toBeHidden();
  await snapshot(admin, '08-invoice-print');

  await Promise.all([frontDeskContext.close(), adminContext.close(), tabletContext.close()]);
});
