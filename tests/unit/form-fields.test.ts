import { describe, expect, it } from 'vitest';
import { formFieldErrors, nestFormFields } from '@/app/_lib/form';
import { invoiceForm, paymentForm, settingsForm } from '@/app/_lib/form-inputs';
import { DomainError } from '@/db/core/errors';

describe('what an invoice form sends', () => {
  it('becomes nested lines with the unit price in cents', () => {
    const form = invoiceForm({
      'lines.0.kind': 'labor',
      'lines.0.quantity': '1.5',
      'lines.1.kind': 'part',
      'lines.1.unitPrice': '12,50',
    });
    expect(form.input).toEqual({
      lines: [
        { kind: 'labor', quantity: '1.5' },
        { kind: 'part', unitPriceCents: 1_250 },
      ],
    });
  });

  it('shows the domain refusals under the form field names, with the form wording for unreadable amounts', () => {
    const form = invoiceForm({ 'lines.0.kind': 'part', 'lines.0.unitPrice': '12a' });
    expect(form.input).toEqual({ lines: [{ kind: 'part', unitPriceCents: Number.NaN }] });
    expect(
      formFieldErrors({ 'lines.0.unitPriceCents': ['Unit price must be a number of cents.'], lines: ['x'] }, form),
    ).toEqual({ 'lines.0.unitPrice': ['Unit price must be an amount like 120.00.'], lines: ['x'] });
    const payment = paymentForm({ amount: '45.50', method: 'cash' });
    expect(payment.input).toEqual({ amountCents: 4_550, method: 'cash' });
    expect(formFieldErrors({ amountCents: ['Amount is required.'] }, payment)).toEqual({
      amount: ['Amount is required.'],
    });
    const settings = settingsForm({ laborRate: '95.50', partTaxPercent: '8.25', shopName: 'Corner' });
    expect(settings.input).toEqual({ laborRateCents: 9_550, partTaxBasisPoints: 825, shopName: 'Corner' });
  });
});

describe('flat form names', () => {
  it('accept row numbers from 0 to 199 and nothing beyond', () => {
    expect(nestFormFields({ 'lines.199.kind': 'fee' })).toEqual({ lines: [{ kind: 'fee' }] });
    expect(() => nestFormFields({ 'lines.200.kind': 'fee' })).toThrow(DomainError);
    expect(() => nestFormFields({ 'lines.99999999999.kind': 'fee' })).toThrow(DomainError);
  });

  it('refuse names that would reach an object prototype, and leave Object.prototype alone', () => {
    for (const key of [
      '__proto__.polluted',
      'lines.__proto__.polluted',
      'lines.0.__proto__.polluted',
      'constructor.prototype.polluted',
      'lines.0.constructor',
      'prototype.x',
      'lines..kind',
    ]) {
      expect(() => nestFormFields({ [key]: 'yes' }), key).toThrow(DomainError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = nestFormFields({ 'lines.0.kind': 'fee', name: 'x' });
    expect(Object.getPrototypeOf(nested)).toBeNull();
    expect(Object.getPrototypeOf((nested.lines as object[])[0])).toBeNull();
  });

  it('refuse a name that is both a value and a group', () => {
    expect(() => nestFormFields({ lines: 'x', 'lines.0.kind': 'fee' })).toThrow(DomainError);
  });
});
