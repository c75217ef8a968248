// Invoice arithmetic in integer cents. Rounding rule (documented in the README):
//   line total = quantity × unit price, rounded half up to a whole cent;
//   line tax   = line total × the line kind's tax rate, rounded half up to a whole cent;
//   invoice subtotal = Σ line totals, tax = Σ line taxes, total = subtotal + tax.
// Quantities have at most two decimals (1.25 hours) and are handled as integer hundredths.

export const MAX_QUANTITY = 100_000;
export const MAX_UNIT_PRICE_CENTS = 100_000_000; // 1,000,000.00 a unit

/** "1.5" or 1.5 → 150 hundredths; null when not a positive number with at most two decimals. */
export function quantityToHundredths(quantity: string | number): number | null {
  const text = typeof quantity === 'number' ? String(quantity) : quantity.trim();
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return hundredths > 0 ? hundredths : null;
}

function divideRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((numerator + denominator / 2) / denominator);
}

export function lineTotalCents(quantityHundredths: number, unitPriceCents: number): number {
  return divideRoundHalfUp(quantityHundredths * unitPriceCents, 100);
}

export function taxCents(amountCents: number, basisPoints: number): number {
  return divideRoundHalfUp(amountCents * basisPoints, 10_000);
}

export type PricedLine = { quantityHundredths: number; unitPriceCents: number; taxBasisPoints: number };

export function priceLines(lines: PricedLine[]) {
  const priced = lines.map((line) => {
    const total = lineTotalCents(line.quantityHundredths, line.unitPriceCents);
    return { ...line, lineTotalCents: total, taxCents: taxCents(total, line.taxBasisPoints) };
  });
  const subtotalCents = priced.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const tax = priced.reduce((sum, line) => sum + line.taxCents, 0);
  return { lines: priced, subtotalCents, taxCents: tax, totalCents: subtotalCents + tax };
}

export function hundredthsToQuantity(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}
