import { describe, expect, it } from 'vitest';
import { decimalToCents, nestFormFields, percentToBasisPoints } from '@/app/_lib/form';
import { paymentStatusOf, taxRateFor } from '@/db/invoices';

describe('amounts typed into invoice and payment forms', () => {
  it('turn decimals in the shop currency into cents without floating-point drift', () => {
    expect(decimalToCents('120')).toBe(12_000);
    expect(decimalToCents('120.5')).toBe(12_050);
    expect(decimalToCents('0.29')).toBe(29); // 0.29 * 100 would be 28.999999999999996
    expect(decimalToCents(' 49,99 ')).toBe(4_999);
    expect(decimalToCents('1.005')).toBeNull();
    expect(decimalToCents('-5')).toBeNull();
    expect(decimalToCents('12a')).toBeNull();
    expect(decimalToCents('')).toBeNull();
  });

  it('turn tax percentages into basis points, 0 to 100% with two decimals', () => {
    expect(percentToBasisPoints('8.25')).toBe(825);
    expect(percentToBasisPoints('0')).toBe(0);
    expect(percentToBasisPoints('100')).toBe(10_000);
    expect(percentToBasisPoints('7,5')).toBe(750);
    expect(percentToBasisPoints('100.01')).toBeNull();
    expect(percentToBasisPoints('8.255')).toBeNull();
    expect(percentToBasisPoints('-1')).toBeNull();
  });
});

describe('the invoice form', () => {
  it('sends its rows as dotted field names that become a list of lines', () => {
    expect(
      nestFormFields({
        'lines.0.kind': 'labor',
        'lines.0.quantity': '1.5',
        'lines.1.kind': 'part',
        'lines.1.unitPrice': '12.00',
        other: 'x',
      }),
    ).toEqual({
      lines: [
        { kind: 'labor', quantity: '1.5' },
        { kind: 'part', unitPrice: '12.00' },
      ],
      other: 'x',
    });
  });

  it('drops a hole left by a missing row', () => {
    expect(nestFormFields({ 'lines.0.kind': 'fee', 'lines.2.kind': 'part' })).toEqual({
      lines: [{ kind: 'fee' }, { kind: 'part' }],
    });
  });
});

describe('payment status', () => {
  it('goes unpaid → partially paid → paid, and void wins over everything', () => {
    expect(paymentStatusOf({ status: 'issued', totalCents: 1_000, paidCents: 0 })).toBe('unpaid');
    expect(paymentStatusOf({ status: 'issued', totalCents: 1_000, paidCents: 1 })).toBe('partially_paid');
    expect(paymentStatusOf({ status: 'issued', totalCents: 1_000, paidCents: 1_000 })).toBe('paid');
    expect(paymentStatusOf({ status: 'void', totalCents: 1_000, paidCents: 1_000 })).toBe('void');
  });

  it('taxes each line kind at its own rate', () => {
    const rates = { laborTaxBasisPoints: 1, partTaxBasisPoints: 2, feeTaxBasisPoints: 3 };
    expect([taxRateFor('labor', rates), taxRateFor('part', rates), taxRateFor('fee', rates)]).toEqual([1, 2, 3]);
  });
});
