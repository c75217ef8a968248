import { expect, test } from '@playwright/test';
import { addLine, demo, signIn } from './support';

test('the admin invoices a completed job, takes a partial then a full payment and prints the invoice', async ({
  page,
}, testInfo) => {
  const screenshot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await signIn(page, demo.admin);

  // A completed demo job without an invoice, from the "Ready to invoice" list.
  await page.goto('/invoices');
  await expect(page.getByRole('heading', { name: 'Invoices', exact: true })).toBeVisible();
  await screenshot('invoices-list');
  await page
    .getByTestId('ready-job')
    .first()
    .getByRole('link', { name: /Create invoice/ })
    .click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]+\/invoice$/);
  await expect(page.getByRole('heading', { name: /New invoice for J-\d{6}/ })).toBeVisible();

  // The labor line comes with the shop's labor rate; add a part and a fee.
  await expect(page.getByLabel('Unit price (hourly rate)')).toHaveValue('120.00');
  await page.getByLabel('Quantity (hours)').fill('1.5');
  const part = await addLine(page, 'part', 1, {
    Description: 'Brake pads (front)',
    Quantity: '2',
    'Unit price': '49.99',
  });
  const fee = await addLine(page, 'fee', 2, { 'Unit price': '15' });

  // A line without a description is refused next to the field, and nothing typed is lost.
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(fee.getByText('Description is required.')).toBeVisible();
  await expect(part.getByLabel('Unit price')).toHaveValue('49.99');
  await expect(part.getByLabel('Kind')).toHaveValue('part');
  await expect(fee.getByLabel('Kind')).toHaveValue('fee');
  await fee.getByLabel('Description').fill('Shop supplies');

  // 180.00 labor (no tax) + 99.98 parts (8.25% → 8.25) + 15.00 fee (8.25% → 1.24) = 304.47
  await expect(page.getByTestId('preview-total')).toHaveText('$304.47');
  await screenshot('new-invoice');
  await page.getByRole('button', { name: 'Issue invoice' }).click();

  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]+(\?issued=1)?$/);
  await expect(page.getByRole('heading', { name: /^Invoice INV-\d{4}-\d{4}$/ })).toBeVisible();
  await expect(page.getByTestId('payment-status')).toHaveText('Unpaid');
  await expect(page.getByTestId('invoice-total')).toHaveText('$304.47');
  await expect(page.getByTestId('invoice-balance')).toHaveText('$304.47');

  // Partial payment.
  const amount = page.getByLabel('Amount (USD)');
  await expect(amount).toHaveValue('304.47');
  await amount.fill('100');
  await page.getByLabel('Method').selectOption({ label: 'Cash' });
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByTestId('payment-status')).toHaveText('Partially paid');
  await expect(page.getByTestId('invoice-balance')).toHaveText('$204.47');
  await expect(page.getByRole('status').filter({ hasText: 'Payment recorded.' })).toBeVisible();

  // More than the open balance is refused.
  await expect(amount).toHaveValue('204.47');
  await amount.fill('500');
  await page.getByLabel('Method').selectOption({ label: 'Card' });
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText(/more than the open balance/).first()).toBeVisible();
  await expect(amount).toHaveValue('500');
  await expect(page.getByLabel('Method')).toHaveValue('card');
  await expect(page.getByTestId('invoice-balance')).toHaveText('$204.47');

  // The rest, by card.
  await amount.fill('204.47');
  await page.getByLabel('Method').selectOption({ label: 'Card' });
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByTestId('payment-status')).toHaveText('Paid');
  await expect(page.getByTestId('invoice-balance')).toHaveText('$0.00');
  await expect(page.getByText('Paid in full ($304.47).')).toBeVisible();
  const payments = page.getByRole('region', { name: 'Payments' }).getByRole('row');
  await expect(payments).toHaveCount(3);
  await screenshot('invoice-paid');

  // The printable invoice.
  await page.getByRole('link', { name: 'Print' }).click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]+\/print$/);
  await expect(page.getByTestId('shop-name')).toHaveText('Main Street Auto Repair');
  await expect(page.getByText('100 Main Street, Springfield')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Brake pads (front)' })).toBeVisible();
  await expect(page.getByTestId('invoice-total')).toHaveText('$304.47');
  await expect(page.getByTestId('invoice-balance')).toHaveText('$0.00');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await screenshot('invoice-print');
});

test('the invoice list filters by status and balance, and fits a 1024×768 screen', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn(page, demo.admin);
  await page.goto('/invoices');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.getByLabel('Status').selectOption({ label: 'Void' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=void/);
  const badges = page.getByRole('region', { name: 'Matching invoices' }).getByTestId('payment-status');
  await expect(badges.first()).toHaveText('Void');
  for (const text of await badges.allTextContents()) expect(text).toBe('Void');

  await page.getByLabel('Status').selectOption({ label: 'Any status' });
  await page.getByLabel('Balance').selectOption({ label: 'Open balance' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/balance=open/);
  await expect(badges.first()).toBeVisible();
  for (const text of await badges.allTextContents()) expect(['Unpaid', 'Partially paid']).toContain(text);
});

test('shop settings refuse a tax rate above 100% next to the field, keeping what was typed', async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto('/invoices');
  await page.getByRole('link', { name: 'Shop settings' }).click();
  await expect(page.getByRole('heading', { name: 'Shop settings' })).toBeVisible();
  await expect(page.getByLabel('Shop name')).toHaveValue('Main Street Auto Repair');
  await expect(page.getByLabel('Parts tax rate (%)')).toHaveValue('8.25');
  await page.getByLabel('Parts tax rate (%)').fill('101');
  await page.getByLabel('Address').fill('100 Main Street, Springfield');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Enter a percentage from 0 to 100 with at most two decimals.')).toBeVisible();
  await expect(page.getByLabel('Parts tax rate (%)')).toHaveValue('101');
  await page.getByLabel('Parts tax rate (%)').fill('8.25');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByLabel('Parts tax rate (%)')).toHaveValue('8.25');
});

test('a worker is kept away from invoices and settings', async ({ page }) => {
  await signIn(page, demo.worker);
  for (const path of ['/invoices', '/settings']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/my-jobs/);
  }
});

test('the admin voids an unpaid invoice after confirming with a reason, and the job can be invoiced again', async ({
  page,
}) => {
  await signIn(page, demo.admin);
  await page.goto('/invoices?status=unpaid');
  await page.getByRole('region', { name: 'Matching invoices' }).getByRole('link', { name: /^INV-/ }).first().click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]+$/);
  await expect(page.getByTestId('payment-status')).toHaveText('Unpaid');
  const number = (await page.getByRole('heading', { name: /^Invoice INV-/ }).textContent())!.replace('Invoice ', '');

  await page.getByRole('button', { name: 'Void invoice' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`Void invoice ${number}?`);
  await dialog.getByRole('button', { name: 'Keep' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('payment-status')).toHaveText('Unpaid');

  await page.getByRole('button', { name: 'Void invoice' }).click();
  await dialog.getByLabel('Reason').fill('Labor hours entered twice');
  await dialog.getByRole('button', { name: 'Void invoice' }).click();
  await expect(page.getByTestId('payment-status')).toHaveText('Void');
  await expect(page.getByText(/Labor hours entered twice/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record payment' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();

  await page.getByRole('link', { name: /again$/ }).click();
  await expect(page.getByRole('button', { name: 'Issue invoice' })).toBeVisible();
});
