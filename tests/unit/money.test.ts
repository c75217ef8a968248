import { describe, expect, it } from 'vitest';
import { formatInvoiceNumber, formatJobNumber } from '@/db/core/document-numbers';
import { lineTotalCents, priceLines, quantityToHundredths, taxCents } from '@/db/money';

describe('invoice arithmetic in integer cents', () => {
  it('reads quantities with up to two decimals', () => {
    for (const [quantity, hundredths] of [
      ['1.5', 150],
      [2, 200],
      ['0.25', 25],
    ] as const)
      expect(quantityToHundredths(quantity), String(quantity)).toBe(hundredths);
    for (const quantity of ['0', '-1', '1.255', 'abc']) expect(quantityToHundredths(quantity), quantity).toBeNull();
  });

  it('rounds half up to the cent, per line', () => {
    expect(lineTotalCents(150, 12_345)).toBe(18_518); // 185.175 → 185.18
    expect(taxCents(1_000, 825)).toBe(83); // 82.5 → 83
    expect(taxCents(1_001, 825)).toBe(83); // 82.58 → 83
    expect(taxCents(999, 825)).toBe(82); // 82.41 → 82
  });

  it('sums lines into subtotal, tax and total', () => {
    const priced = priceLines([
      { quantityHundredths: 250, unitPriceCents: 12_000, taxBasisPoints: 0 },
      { quantityHundredths: 100, unitPriceCents: 4_999, taxBasisPoints: 825 },
    ]);
    expect(priced.subtotalCents).toBe(30_000 + 4_999);
    expect(priced.taxCents).toBe(412);
    expect(priced.totalCents).toBe(34_999 + 412);
  });

  it('formats job and invoice numbers', () => {
    expect(formatJobNumber(123)).toBe('J-000123');
    expect(formatInvoiceNumber(2026, 1)).toBe('INV-2026-0001');
  });
});
