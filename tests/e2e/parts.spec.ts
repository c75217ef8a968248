import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, signIn } from './support';

async function as(browser: Browser, who: { email: string; password: string }, tablet = false): Promise<Page> {
  const context = await browser.newContext(tablet ? { viewport: { width: 1024, height: 768 }, hasTouch: true } : {});
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

/** One of the demo mechanic's open jobs with no parts yet (its page says so). */
async function jobWithoutParts(mechanic: Page): Promise<string> {
  await mechanic.goto('/my-jobs');
  const links = mechanic
    .getByTestId('my-job-card')
    .filter({ hasText: 'In progress' })
    .getByRole('heading')
    .getByRole('link');
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
  for (const href of hrefs) {
    await mechanic.goto(href);
    if (await mechanic.getByText('No parts yet.').isVisible()) return href;
  }
  throw new Error('The demo mechanic has no open job without parts.');
}

test('front desk orders a job’s missing part, the delivery is received on the tablet, the mechanic installs it and the invoice starts from it', async ({
  browser,
}) => {
  const sku = `E2E-${randomUUID().slice(0, 6).toUpperCase()}`;
  const name = `Thermostat ${sku}`;
  const desk = await as(browser, demo.admin);
  const mechanic = await as(browser, demo.worker);
  const tablet = await as(browser, demo.mechanic2, true);

  // The catalogue gets the part, with Metro as its default vendor and nothing on the shelf.
  await desk.goto('/parts/new');
  await desk.getByLabel('SKU').fill(sku);
  await desk.getByLabel('Name').fill(name);
  await desk.getByLabel('Unit cost').fill('18.00');
  await desk.getByLabel('Unit price').fill('42.50');
  await desk.getByLabel('Default vendor').selectOption({ label: 'Metro Motor Factors' });
  await desk.getByRole('button', { name: 'Save part' }).click();
  await expect(desk.getByRole('heading', { name: `${sku} ${name}` })).toBeVisible();

  // Front desk adds it to the mechanic's job by search, sees it is not in stock, and orders it.
  const jobPath = await jobWithoutParts(mechanic);
  await desk.goto(jobPath);
  await desk.getByLabel('Find part or describe it').fill(sku);
  await desk.getByRole('button', { name: new RegExp(`${sku}.*available`) }).click();
  await desk.getByLabel('Quantity').fill('2');
  await desk.getByRole('button', { name: 'Add part' }).click();
  const row = desk.getByTestId('job-part').filter({ hasText: name });
  await expect(row.getByText('Needed')).toBeVisible();
  await expect(row.getByText('-2.00 available')).toBeVisible();
  await row.getByRole('button', { name: `Order ${name}` }).click();
  await expect(row.getByText('Ordered', { exact: true })).toBeVisible();
  const poNumber = (await row.getByText(/PO-\d{6}/).textContent())!.match(/PO-\d{6}/)![0];

  // The order goes to the vendor with an expected date.
  await desk.goto('/purchase-orders');
  await desk.getByRole('link', { name: poNumber }).click();
  await desk.getByLabel('Expected delivery').fill('2030-03-04');
  await desk.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(desk.getByText('Purchase order saved.')).toBeVisible();
  await desk.getByRole('button', { name: 'Send to vendor' }).click();
  await expect(desk.getByTestId('po-status')).toHaveText('Ordered');
  const orderUrl = desk.url();

  // The parts person receives the delivery on the tablet: one Save.
  await tablet.goto(orderUrl);
  await expect(tablet.getByLabel(`Received now: ${sku} ${name}`)).toHaveValue('2.00');
  await tablet.getByRole('button', { name: 'Save received quantities' }).click();
  await expect(tablet.getByTestId('po-status')).toHaveText('Received');

  // The mechanic sees the parts arrived and installs them.
  await mechanic.goto('/my-jobs');
  const card = mechanic.getByTestId('my-job-card').filter({ has: mechanic.locator(`a[href="${jobPath}"]`) });
  await expect(card.getByText('Parts arrived')).toBeVisible();
  await mechanic.goto(jobPath);
  const mechanicRow = mechanic.getByTestId('job-part').filter({ hasText: name });
  await mechanicRow.getByRole('button', { name: `Install ${name}` }).click();
  await expect(mechanicRow.getByText('Installed')).toBeVisible();
  await mechanic.getByRole('button', { name: 'Complete' }).click();
  await expect(mechanic.getByText('Completed.')).toBeVisible();

  // The invoice starts from the installed part.
  await desk.goto(`${jobPath}/invoice`);
  const partLine = desk.getByTestId('invoice-line').nth(1);
  await expect(partLine.getByLabel('Kind')).toHaveValue('part');
  await expect(partLine.getByLabel('Description')).toHaveValue(name);
  await expect(partLine.getByLabel('Quantity')).toHaveValue('2.00');
  await expect(partLine.getByLabel('Unit price')).toHaveValue('42.50');

  // The ledger shows the receipt then the issue, newest first.
  await desk.goto('/parts?q=' + sku);
  await desk.getByRole('link', { name: sku }).click();
  await expect(desk.getByRole('row').nth(1)).toContainText('Issue');
  await expect(desk.getByRole('row').nth(2)).toContainText('Receipt');
});
