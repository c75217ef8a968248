// What every data-layer function does with its `unknown` input before it trusts it: validate with the module's
// zod schema and refuse with one field error per bad field (`lines.0.quantity`), plus the text fields most
// schemas share.
import { z } from 'zod';
import { fieldErrorsFromZod, invalid } from './errors';

/** The input validated by `schema`, or an `invalid` refusal carrying every issue under its field's path. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(fieldErrorsFromZod(result.error));
  return result.data;
}

/** PostgreSQL's text cannot hold U+0000: refused next to its field rather than by the database. */
export const noNullCharacter = (label: string) =>
  [(value: string) => !value.includes('\u0000'), `${label} must not contain a null character.`] as const;

/** Trimmed text of at most `max` characters; null or left out clears or keeps it. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(...noNullCharacter(label))
    .nullable()
    .optional();

/** Trimmed, non-empty text of at most `max` characters. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(...noNullCharacter(label));

/** A row id in an input (the API document shows it as a uuid), with the refusal's wording given. */
export const uuidField = (message: string) => z.uuid({ error: message });

/** Input made uniform before validation: blank strings become null (or are dropped, for list filters). */
export function normaliseInput(input: unknown, { blank = 'null' }: { blank?: 'null' | 'drop' } = {}): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string' && value.trim() === '') {
      if (blank === 'null') result[key] = null;
      continue;
    }
    result[key] = value;
  }
  return result;
}

/** `parse` for a list's query (a search form, a query string): blank fields are left out, so their defaults apply. */
export function parseQuery<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parse(schema, normaliseInput(input, { blank: 'drop' }));
}
