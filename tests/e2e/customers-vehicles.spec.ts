import { expect, test } from '@playwright/test';
import { withCheckDigit } from '../../db/vin';
import { demo, signIn } from './support';

function unique(): string {
  return Math.random().toString(36).slice(2, 8).toUpperCase();
}

function randomVin(): string {
  const characters = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  return withCheckDigit(
    Array.from({ length: 17 }, () => characters[Math.floor(Math.random() * characters.length)]).join(''),
  );
}

test('a worker at the front desk registers a customer and their vehicle, ready for a new job', async ({ page }) => {
  const tag = unique();
  const name = `Robin Front ${tag}`;
  const plate = `FD ${tag}`;
  const vin = randomVin(); // a correct check digit, for a wrong one below
  const wrongVin = vin.slice(0, 8) + (vin[8] === '1' ? '2' : '1') + vin.slice(9);

  await signIn(page, demo.worker);
  await page.goto('/customers');
  await page.getByRole('link', { name: 'New customer' }).click();
  await page.getByLabel('Kind').selectOption('individual');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Phone').fill('555-0199-321');
  await page.getByLabel('Email').fill(`robin.${tag.toLowerCase()}@example.net`);
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Save customer' }).click();
  // refused on the server: the error sits under the field and the other values stay
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue(name);
  await page.getByLabel('Email').fill(`robin.${tag.toLowerCase()}@example.net`);
  await page.getByRole('button', { name: 'Save customer' }).click();

  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('Customer saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Archive' })).toHaveCount(0); // workers never archive

  await page.getByRole('link', { name: 'Add vehicle' }).click();
  await expect(page).toHaveURL(/\/vehicles\/new\?customerId=/);
  await page.getByLabel('VIN').fill(wrongVin.toLowerCase());
  await page.getByLabel('Plate').fill(` ${plate.toLowerCase()} `);
  await page.getByLabel('Make').fill('Toyota');
  await page.getByLabel('Model').fill('Yaris');
  await page.getByLabel('Year').fill('2019');
  await page.getByLabel('Odometer').fill('41000');
  await page.getByRole('button', { name: 'Save vehicle' }).click();
  // a wrong check digit is a warning the worker can accept
  await expect(page.getByText(/check digit \(9th character\) should be/)).toBeVisible();
  await expect(page.getByLabel('Make')).toHaveValue('Toyota');
  await page.getByLabel('Accept VIN warning').check();
  await page.getByRole('button', { name: 'Save vehicle' }).click();

  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('Vehicle saved.')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(plate) });
  await expect(row).toContainText('Toyota Yaris');
  await expect(row).toContainText(wrongVin);
  const newJob = row.getByRole('link', { name: 'New job' });
  await expect(newJob).toHaveAttribute('href', /\/jobs\/new\?vehicleId=[0-9a-f-]{36}$/);
  await page.screenshot({ path: test.info().outputPath('customer-page.png'), fullPage: true });

  // the same VIN cannot go on a second active vehicle: the refusal links to the first one
  await page.getByRole('link', { name: 'Add vehicle' }).click();
  await page.getByLabel('VIN').fill(wrongVin);
  await page.getByLabel('Make').fill('Toyota');
  await page.getByLabel('Model').fill('Yaris');
  await page.getByRole('button', { name: 'Save vehicle' }).click();
  await page.getByLabel('Accept VIN warning').check();
  await page.getByRole('button', { name: 'Save vehicle' }).click();
  await expect(page.locator('#field-vin-error')).toContainText('already on another active vehicle');
  await page.getByRole('link', { name: 'Open the vehicle with this VIN' }).click();
  await expect(page.getByRole('heading', { name: 'Toyota Yaris (2019)' })).toBeVisible();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByText('VIN warning accepted')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('vehicle-page.png'), fullPage: true });

  // one search box finds the customer by plate, as you type
  await page.goto('/customers');
  await page.getByRole('searchbox', { name: 'Search' }).fill(plate.toLowerCase());
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('customer-search.png'), fullPage: true });
});

test('an admin archives a customer: gone from the list until "Show archived" is ticked', async ({ page }) => {
  const tag = unique();
  const name = `Archie Gone ${tag}`;
  await signIn(page, demo.admin);
  await page.goto('/customers/new');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Save customer' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Archive this customer?');
  await page.getByRole('button', { name: 'Archive customer' }).click();
  await expect(page.getByText(/hidden from the customer list and search/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unarchive' })).toBeVisible();

  await page.goto('/customers');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill(tag);
  await expect(page.getByText(`No customers match “${tag}”.`)).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);

  await page.getByLabel('Show archived').check();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Archived');
});

test('one or two letters typed in the search box find the start of a word, not the middle of one', async ({ page }) => {
  const tag = unique();
  const name = `Wei Ξυ${tag}`; // Greek: no other customer has a word starting with these letters
  await signIn(page, demo.worker);
  await page.goto('/customers/new');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Save customer' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.goto('/customers');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('ξυ');
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole('link', { name })).toBeVisible();
  await search.fill('υ');
  await expect(page.getByText('No customers match “υ”.')).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);
});
