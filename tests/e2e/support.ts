import { expect, type Locator, type Page } from '@playwright/test';

export const demo = {
  admin: { email: 'admin@example.com', password: 'admin-demo-pass', name: 'Alex Morgan' },
  worker: { email: 'worker@example.com', password: 'worker-demo-pass', name: 'Jamie Rivera' },
  mechanic2: { email: 'mechanic2@example.com', password: 'worker-demo-pass', name: 'Chris Novak' },
} as const;

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/** On a started My jobs card: waiting for parts, resume, complete, checking the status after each step. */
export async function finishThroughWaitingForParts(card: Locator) {
  await card.getByRole('button', { name: 'Waiting for parts' }).click();
  await expect(card.getByTestId('job-status')).toHaveText('Waiting for parts');
  await card.getByRole('button', { name: 'Resume' }).click();
  await expect(card.getByTestId('job-status')).toHaveText('In progress');
  await card.getByRole('button', { name: 'Complete' }).click();
  await expect(card.getByTestId('job-status')).toHaveText('Completed');
}

/**
 * In an invoice or estimate line editor: adds a part or a fee line (the `index`th line of the editor) and types
 * `fields` into it by label, in their order; returns the line.
 */
export async function addLine(page: Page, kind: 'part' | 'fee', index: number, fields: Record<string, string>) {
  await page.getByRole('button', { name: kind === 'part' ? 'Add part' : 'Add fee' }).click();
  const line = page.getByTestId('invoice-line').nth(index);
  for (const [label, value] of Object.entries(fields)) await line.getByLabel(label).fill(value);
  return line;
}
