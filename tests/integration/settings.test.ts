import { describe, expect, it } from 'vitest';
import type { Actor } from '@/db/core/actor';
import { DomainError } from '@/db/core/errors';
import { getShopSettings, updateShopSettings } from '@/db/settings';
import { settingsForm } from '@/app/_lib/form-inputs';
import { createUser, invalidFieldNames, refusal, throughForm } from './support';

const saveFromForm = (actor: Actor, values: Record<string, string | number>) =>
  throughForm(settingsForm(values as Record<string, string>), (input) => updateShopSettings(actor, input));

describe('shop settings', () => {
  it('are saved by an admin from the form: percentages become basis points, the labor rate cents', async () => {
    const admin = await createUser('admin');
    const saved = await saveFromForm(admin, {
      shopName: '  Corner Garage ',
      address: '12 High Street\nSpringfield',
      laborTaxPercent: '10',
      partTaxPercent: '8.25',
      feeTaxPercent: '0.5',
      laborRate: '95.50',
      currency: 'eur',
      locale: 'de-de',
    });
    expect(saved).toEqual({
      shopName: 'Corner Garage',
      address: '12 High Street\nSpringfield',
      currency: 'EUR',
      locale: 'de-DE',
      laborRateCents: 9_550,
      laborTaxBasisPoints: 1_000,
      partTaxBasisPoints: 825,
      feeTaxBasisPoints: 50,
      phone: null,
      estimateValidDays: 7,
      approvalTolerancePercent: 10,
      estimateTerms: null,
    });
    expect(await getShopSettings(admin)).toEqual(saved);
    const worker = await createUser('worker');
    expect((await getShopSettings(worker)).shopName).toBe('Corner Garage');
  });

  it('keep what an update leaves out, and clear the address when it is sent empty', async () => {
    const admin = await createUser('admin');
    await updateShopSettings(admin, { shopName: 'Before', address: 'Somewhere', laborTaxBasisPoints: 700 });
    const after = await updateShopSettings(admin, { partTaxBasisPoints: 1_900, address: '' });
    expect(after).toMatchObject({
      shopName: 'Before',
      address: null,
      laborTaxBasisPoints: 700,
      partTaxBasisPoints: 1_900,
    });
  });

  it('refuse bad values with an error on each field, and change nothing', async () => {
    const admin = await createUser('admin');
    await saveFromForm(admin, { shopName: 'Stable Name', currency: 'USD', laborTaxPercent: '5' });
    const refused = await invalidFieldNames(() =>
      saveFromForm(admin, {
        shopName: '   ',
        currency: 'DOLLARS',
        locale: 'not a locale!',
        laborTaxPercent: '101',
        partTaxPercent: '8.255',
        feeTaxBasisPoints: -1,
        laborRate: '12.345',
      }),
    );
    expect(refused).toEqual([
      'currency',
      'feeTaxBasisPoints',
      'laborRate',
      'laborTaxPercent',
      'locale',
      'partTaxPercent',
      'shopName',
    ]);
    expect(await refusal(() => updateShopSettings(admin, { currency: 'XYZ' }))).toMatchObject({
      kind: 'invalid',
      fieldErrors: { currency: expect.any(Array) },
    });
    expect(await getShopSettings(admin)).toMatchObject({
      shopName: 'Stable Name',
      currency: 'USD',
      laborTaxBasisPoints: 500,
    });
  });

  it("save the estimate fields from the form: the shop's phone, link validity, approval tolerance and terms", async () => {
    const admin = await createUser('admin');
    const saved = await saveFromForm(admin, {
      phone: ' (555) 010-2000 ',
      estimateValidDays: '14',
      approvalTolerancePercent: '0',
      estimateTerms: 'Estimates are valid for 14 days.\nParts returned on request.',
    });
    expect(saved).toMatchObject({
      phone: '(555) 010-2000',
      estimateValidDays: 14,
      approvalTolerancePercent: 0,
      estimateTerms: 'Estimates are valid for 14 days.\nParts returned on request.',
    });
    const cleared = await saveFromForm(admin, {
      phone: '',
      estimateValidDays: '7',
      approvalTolerancePercent: '100',
      estimateTerms: '  ',
    });
    expect(cleared).toMatchObject({
      phone: null,
      estimateValidDays: 7,
      approvalTolerancePercent: 100,
      estimateTerms: null,
    });
    await saveFromForm(admin, { estimateValidDays: '7', approvalTolerancePercent: '10' });
  });

  it('refuse estimate fields out of range with an error on each, an emptied number included', async () => {
    const admin = await createUser('admin');
    await saveFromForm(admin, { phone: '555 0100', estimateValidDays: '7', approvalTolerancePercent: '10' });
    const refused = (await refusal(() =>
      saveFromForm(admin, {
        phone: '5'.repeat(41),
        estimateValidDays: '0',
        approvalTolerancePercent: '101',
        estimateTerms: 'x'.repeat(5001),
      }),
    )) as DomainError;
    expect(refused).toMatchObject({
      kind: 'invalid',
      fieldErrors: {
        phone: ['Phone must be at most 40 characters.'],
        estimateValidDays: ['An estimate link is valid for at least 1 day.'],
        approvalTolerancePercent: ['Tolerance is at most 100%.'],
        estimateTerms: ['Terms must be at most 5000 characters.'],
      },
    });
    const errorsOf = async (fields: Record<string, string>) =>
      ((await refusal(() => saveFromForm(admin, fields))) as DomainError).fieldErrors;
    expect(await errorsOf({ estimateValidDays: ' ', approvalTolerancePercent: '', phone: '555 0100' })).toEqual({
      estimateValidDays: ['Enter how many days an estimate link is valid.'],
      approvalTolerancePercent: ['Enter the approval tolerance in percent.'],
    });
    const outOfRange = { estimateValidDays: '366', approvalTolerancePercent: '-1', phone: '555 0100' };
    expect(await errorsOf(outOfRange)).toEqual({
      estimateValidDays: ['An estimate link is valid for at most 365 days.'],
      approvalTolerancePercent: ['Tolerance cannot be negative.'],
    });
    expect(await errorsOf({ approvalTolerancePercent: '2.5' })).toEqual({
      approvalTolerancePercent: ['Tolerance must be a whole percent.'],
    });
    expect(await getShopSettings(admin)).toMatchObject({
      phone: '555 0100',
      estimateValidDays: 7,
      approvalTolerancePercent: 10,
    });
  });

  it('can only be changed by an admin', async () => {
    const worker = await createUser('worker');
    expect(await refusal(() => updateShopSettings(worker, { shopName: 'Hijacked' }))).toMatchObject({
      kind: 'forbidden',
    });
    expect(await refusal(() => updateShopSettings(null, { shopName: 'Hijacked' }))).toMatchObject({
      kind: 'unauthorized',
    });
    expect((await getShopSettings(worker)).shopName).not.toBe('Hijacked');
  });
});
