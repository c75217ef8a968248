// The forms whose fields differ from the data layer's input: each turns its flat strings into the domain's one
// shape (FormInput, app/_lib/form.ts) and says how the domain's field names read on the form.
import { MAX_UNIT_PRICE_CENTS } from '@/db/money';
import {
  convertField,
  decimalToCents,
  nestFormFields,
  percentToBasisPoints,
  readingOf,
  type EditForm,
  type FlatForm,
  type FormInput,
  type FormReading,
} from './form';

const newReading = (): FormReading => ({ renamed: new Map(), messages: {} });

type FormLine = Record<string, unknown>;

/** An amount of row `index` (`lines.N.unitPrice`, a decimal) as integer cents (`lines.N.unitPriceCents`). */
function convertLineAmount(reading: FormReading, line: FormLine, index: number, from: string, message: string) {
  const row = `lines.${index}.`;
  const names = { from, to: `${from}Cents`, formName: `${row}${from}`, domainName: `${row}${from}Cents` };
  convertField(line, names, decimalToCents, message, reading);
}

/** The new-invoice form: `lines.N.*` rows, unit prices as decimals (`lines.N.unitPrice`). */
export function invoiceForm(values: FlatForm): FormInput {
  const input = nestFormFields(values);
  const reading = newReading();
  if (Array.isArray(input.lines)) {
    input.lines.forEach((line: unknown, index) => {
      if (typeof line !== 'object' || line === null) return;
      convertLineAmount(reading, line as FormLine, index, 'unitPrice', 'Unit price must be an amount like 120.00.');
    });
  }
  return readingOf(input, reading);
}

/** The payment form: the amount as a decimal (`amount`). */
export function paymentForm(values: FlatForm): FormInput {
  const input: Record<string, unknown> = { ...values };
  const reading = newReading();
  const names = { from: 'amount', to: 'amountCents', formName: 'amount', domainName: 'amountCents' };
  convertField(input, names, decimalToCents, 'Amount must be an amount like 120.00.', reading);
  // Left empty, the amount is still the form's field: "Amount is required." shows under it.
  if (!Object.hasOwn(values, 'amountCents')) reading.renamed.set('amountCents', 'amount');
  return readingOf(input, reading);
}

/** The shop settings form: the labor rate as a decimal, tax rates as percentages, the estimate days and tolerance. */
export function settingsForm(values: FlatForm): FormInput {
  const input: Record<string, unknown> = { ...values };
  const reading = newReading();
  const laborRate = { from: 'laborRate', to: 'laborRateCents', formName: 'laborRate', domainName: 'laborRateCents' };
  const cents = (text: string) => {
    const value = decimalToCents(text);
    return value !== null && value <= MAX_UNIT_PRICE_CENTS ? value : null;
  };
  convertField(input, laborRate, cents, 'Enter the labor rate as an amount like 120.00.', reading);
  for (const kind of ['labor', 'part', 'fee']) {
    const names = {
      from: `${kind}TaxPercent`,
      to: `${kind}TaxBasisPoints`,
      formName: `${kind}TaxPercent`,
      domainName: `${kind}TaxBasisPoints`,
    };
    convertField(
      input,
      names,
      percentToBasisPoints,
      'Enter a percentage from 0 to 100 with at most two decimals.',
      reading,
    );
  }
  // Whole numbers as typed; an emptied one is refused ("Enter …"), never read as 0.
  for (const name of ['estimateValidDays', 'approvalTolerancePercent']) {
    const text = input[name];
    if (typeof text === 'string' && text.trim() === '') input[name] = Number.NaN;
  }
  return readingOf(input, reading);
}

/** Checkboxes as booleans: a ticked box sends "on" (or "true"), an unticked one nothing (or "false"). */
function withCheckboxes(values: EditForm, names: string[]): FormInput {
  const input: Record<string, unknown> = { ...values };
  for (const name of names) {
    const value = values[name];
    if (value === 'on' || value === 'true' || value === 'false') input[name] = value !== 'false';
  }
  return readingOf(input, newReading());
}

/** The job form: the "Confirm lower odometer" checkbox as a boolean. */
export const jobForm = (values: EditForm): FormInput => withCheckboxes(values, ['confirmLowerOdometer']);

/** The vehicle form: the "Accept VIN warning" checkbox as a boolean. */
export const vehicleForm = (values: EditForm): FormInput => withCheckboxes(values, ['acceptVinWarning']);
/** The part form: unit cost and price as decimals (`unitCost`, `unitPrice`); "archived" a checkbox. */
export function partForm(values: EditForm): FormInput {
  const input: Record<string, unknown> = { ...values };
  if ('archived' in input) input.archived = input.archived === 'on';
  const reading = newReading();
  for (const [from, to, label] of [
    ['unitCost', 'unitCostCents', 'Unit cost'],
    ['unitPrice', 'unitPriceCents', 'Unit price'],
  ] as const) {
    if (input[from] === '' || input[from] === null) delete input[from];
    convertField(
      input,
      { from, to, formName: from, domainName: to },
      decimalToCents,
      `${label} must be an amount like 12.50.`,
      reading,
    );
  }
  return readingOf(input, reading);
}

/** The new purchase order form: `lines.N.*` rows (blank rows dropped), unit costs as decimals. */
export function purchaseOrderForm(values: FlatForm): FormInput {
  const input = nestFormFields(values);
  const reading = newReading();
  if (Array.isArray(input.lines)) {
    input.lines = input.lines.filter(
      (line: unknown) =>
        typeof line === 'object' &&
        line !== null &&
        Object.values(line as Record<string, unknown>).some(
          (value) => typeof value === 'string' && value.trim() !== '',
        ),
    );
    (input.lines as Record<string, unknown>[]).forEach((line, index) => {
      if (line.partId === '') delete line.partId;
      if (line.unitCost === '') delete line.unitCost;
      convertLineAmount(reading, line, index, 'unitCost', 'Unit cost must be an amount like 12.50.');
    });
  }
  return readingOf(input, reading);
}

/**
 * The time correction form: start and end from `datetime-local` inputs, read as UTC (the screens show UTC times),
 * and the "Void this entry" checkbox as a boolean.
 */
export function timeAdjustmentForm(values: FlatForm): FormInput {
  const input: Record<string, unknown> = { ...values };
  for (const name of ['startedAt', 'endedAt']) {
    const text = values[name];
    if (typeof text === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) input[name] = `${text}Z`;
  }
  input.void = values.void === 'on' || values.void === 'true';
  if (!('void' in values)) delete input.void;
  return readingOf(input, newReading());
}
