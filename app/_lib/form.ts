// What a form sends → the one input shape of the data layer, and the data layer's field errors → the form's
// names. A form posts strings: decimal money ("120.00"), flat line names (`lines.0.kind`), checkboxes ("on").
// The domain takes integer cents, nested lines and booleans; the API sends those already.
import { invalid, type FieldErrors } from '@/db/core/errors';

export type FlatForm = Record<string, string>;
/** A form's fields with the cleared ones (null) an edit form sends. */
export type EditForm = Record<string, string | null>;

/**
 * A form's input for the data layer, with what to say back to the form: `names` turns a domain field name back
 * into the form's (`lines.0.unitPriceCents` → `lines.0.unitPrice`); `messages` replaces the domain's wording for
 * a form field whose text could not be converted (the domain then sees a value it refuses: NaN).
 */
export type FormInput = { input: unknown; names: (domainName: string) => string; messages: FieldErrors };

/** FormData → plain object of strings (empty inputs dropped unless `keepBlank`: an emptied field clears it). */
export function formObject(formData: FormData, { keepBlank = false } = {}): FlatForm {
  const result: FlatForm = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (typeof value === 'string' && (keepBlank || value.trim() !== '')) result[key] = value;
  }
  return result;
}

/** The domain's field errors under the form's names, with the form's own wording where it has one. */
export function formFieldErrors(fieldErrors: FieldErrors, form: Pick<FormInput, 'names' | 'messages'>): FieldErrors {
  const result: FieldErrors = {};
  for (const [name, messages] of Object.entries(fieldErrors)) {
    const formName = form.names(name);
    result[formName] = form.messages[formName] ?? messages;
  }
  return result;
}

const MAX_LINE_INDEX = 199;
const refusedKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `{ 'lines.0.kind': 'fee', 'lines.2.kind': 'part' }` → `{ lines: [{ kind: 'fee' }, { kind: 'part' }] }` (a removed
 * middle row leaves no hole). Indices run from 0 to 199; `__proto__`, `constructor` and `prototype` are refused
 * anywhere in a name, and every object is built without a prototype, so no name reaches Object.prototype.
 */
export function nestFormFields(flat: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    if (parts.some((part) => refusedKeys.has(part) || part === '')) throw unknownField(key);
    let node: Record<string | number, unknown> = result;
    parts.forEach((part, index) => {
      const slot = index === 0 ? part : indexOrName(part, key);
      if (index === parts.length - 1) {
        node[slot] = value;
        return;
      }
      if (node[slot] === undefined) node[slot] = /^\d+$/.test(parts[index + 1]!) ? [] : Object.create(null);
      if (typeof node[slot] !== 'object' || node[slot] === null) throw unknownField(key);
      node = node[slot] as Record<string | number, unknown>;
    });
  }
  for (const [key, value] of Object.entries(result)) {
    if (Array.isArray(value)) result[key] = value.filter((item) => item !== undefined);
  }
  return result;
}

function indexOrName(part: string, key: string): string | number {
  if (!/^\d+$/.test(part)) return part;
  const index = Number(part);
  if (index > MAX_LINE_INDEX) throw unknownField(key);
  return index;
}

function unknownField(key: string) {
  return invalid({ _form: [`The form sent a field it does not have (${key.slice(0, 60)}).`] });
}

const amountPattern = /^\d{1,9}(?:[.,]\d{1,2})?$/;

/** "120", "120.5", "120,50" → cents; null when not an amount with at most two decimals. */
export function decimalToCents(text: string): number | null {
  const trimmed = text.trim();
  if (!amountPattern.test(trimmed)) return null;
  const [whole, fraction = ''] = trimmed.replace(',', '.').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** "8.25" → 825 basis points; null when not a percentage from 0 to 100 with at most two decimals. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return basisPoints <= 10_000 ? basisPoints : null;
}

/** What a converter collects while it reads a form: the renamed fields and the form's own wording. */
export type FormReading = { renamed: Map<string, string>; messages: FieldErrors };

export function readingOf(input: unknown, reading: FormReading): FormInput {
  return { input, messages: reading.messages, names: (name) => reading.renamed.get(name) ?? name };
}

/**
 * Replaces the form field `from` (text) in `target` by the domain field `to` (a whole number) as `convert` reads
 * it; the domain's errors on `to` then show under the form's `formName` (the field's full name on the form).
 * Text it cannot read becomes NaN, which the domain refuses; the form then shows `wording` instead.
 */
export function convertField(
  target: Record<string, unknown>,
  names: { from: string; to: string; formName: string; domainName: string },
  convert: (text: string) => number | null,
  wording: string,
  reading: FormReading,
): void {
  if (!Object.hasOwn(target, names.from)) return;
  const text = target[names.from];
  delete target[names.from];
  const value = typeof text === 'string' ? convert(text) : null;
  target[names.to] = value ?? Number.NaN;
  reading.renamed.set(names.domainName, names.formName);
  if (value === null) reading.messages[names.formName] = [wording];
}
