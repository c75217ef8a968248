import { describe, expect, it } from 'vitest';
import { decimalToCents, nestFormFields, percentToBasisPoints } from '@/app/_lib/form';
import { paymentStatusOf, taxRateFor } from '@/db/invoices';

/** Each text of `readings` reads as its value, each of `refused` as null. */
function expectReadings(read: (text: string) => number | null, readings: Record<string, number>, refused: string[]) {
  for (const [text, value] of Object.entries(readings)) expect(read(text), text).toBe(value);
  for (const text of refused) expect(read(text), text).toBeNull();
}

describe('amounts typed into invoice and payment forms', () => {
  it('turn decimals in the shop currency into cents without floating-point drift', () => {
    // '0.29': 0.29 * 100 would be 28.999999999999996
    const refused = ['1.005', '-5', '12a', ''];
    expectReadings(decimalToCents, { '120': 12_000, '120.5': 12_050, '0.29': 29, ' 49,99 ': 4_999 }, refused);
  });

  it('turn tax percentages into basis points, 0 to 100% with two decimals', () => {
    expectReadings(percentToBasisPoints, { '8.25': 825, '0': 0, '100': 10_000, '7,5': 750 }, ['100.01', '8.255', '-1']);
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
