// The forms whose fields differ from the data layer's input: each turns its flat strings into the domain's one
// shape (FormInput, app/_lib/form.ts) and says how the domain's field names read on the form.
import type { FieldErrors } from '@/db/core/errors';
import { MAX_UNIT_PRICE_CENTS } from '@/db/money';
import {
  convertField,
  decimalToCents,
  nestFormFields,
  percentToBasisPoints,
  type EditForm,
  type FlatForm,
  type FormInput,
} from './form';

/** The new-invoice form: `lines.N.*` rows, unit prices as decimals (`lines.N.unitPrice`). */
export function invoiceForm(values: FlatForm): FormInput {
  const input = nestFormFields(values);
  const messages: FieldErrors = {};
  if (Array.isArray(input.lines)) {
    input.lines.forEach((line: unknown, index) => {
      if (typeof line !== 'object' || line === null) return;
      convertField(
        line as Record<string, unknown>,
        { from: 'unitPrice', to: 'unitPriceCents', formName: `lines.${index}.unitPrice` },
        decimalToCents,
        'Unit price must be an amount like 120.00.',
        messages,
      );
    });
  }
  return { input, messages, names: (name) => name.replace(/^(lines\.\d+\.)unitPriceCents$/, '$1unitPrice') };
}

/** The payment form: the amount as a decimal (`amount`). */
export function paymentForm(values: FlatForm): FormInput {
  const input: Record<string, unknown> = { ...values };
  const messages: FieldErrors = {};
  const to = { from: 'amount', to: 'amountCents', formName: 'amount' };
  convertField(input, to, decimalToCents, 'Amount must be an amount like 120.00.', messages);
  return { input, messages, names: (name) => (name === 'amountCents' ? 'amount' : name) };
}

const percentWording = 'Enter a percentage from 0 to 100 with at most two decimals.';
const settingsNames: Record<string, string> = {
  laborRateCents: 'laborRate',
  laborTaxBasisPoints: 'laborTaxPercent',
  partTaxBasisPoints: 'partTaxPercent',
  feeTaxBasisPoints: 'feeTaxPercent',
};

/** The shop settings form: the labor rate as a decimal, tax rates as percentages. */
export function settingsForm(values: FlatForm): FormInput {
  const input: Record<string, unknown> = { ...values };
  const messages: FieldErrors = {};
  convertField(
    input,
    { from: 'laborRate', to: 'laborRateCents', formName: 'laborRate' },
    (text) => {
      const cents = decimalToCents(text);
      return cents !== null && cents <= MAX_UNIT_PRICE_CENTS ? cents : null;
    },
    'Enter the labor rate as an amount like 120.00.',
    messages,
  );
  for (const kind of ['labor', 'part', 'fee']) {
    const formName = `${kind}TaxPercent`;
    convertField(
      input,
      { from: formName, to: `${kind}TaxBasisPoints`, formName },
      percentToBasisPoints,
      percentWording,
      messages,
    );
  }
  return { input, messages, names: (name) => settingsNames[name] ?? name };
}

/** The job form: the "Confirm lower odometer" checkbox as a boolean. */
export function jobForm(values: EditForm): FormInput {
  const input: Record<string, unknown> = { ...values };
  const confirm = values.confirmLowerOdometer;
  if (confirm === 'on' || confirm === 'true' || confirm === 'false') input.confirmLowerOdometer = confirm !== 'false';
  return { input, messages: {}, names: (name) => name };
}
