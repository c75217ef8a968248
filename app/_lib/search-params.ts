// A page's search params are input like an API query string: each field a page reads is validated on its own, and
// a value that fails (a NUL or another control character, an over-long text, an unknown status, a malformed id)
// is left out, as if it had not been sent; the page shows its unfiltered state instead of a 500. Pages read their
// search params only through readSearchParams.
import { z } from 'zod';

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** No value a page reads is longer than this (a cursor is a few hundred characters). */
const MAX_VALUE_LENGTH = 1000;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** The field kinds pages read. */
export const param = {
  /** A search box's text: trimmed, at most `max` characters, no control characters; empty counts as absent. */
  text: (max = 100) =>
    z
      .string()
      .trim()
      .max(max)
      .transform((value) => value || undefined),
  /** One of the listed words. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
  /** A record's id. */
  id: () => z.uuid(),
  /** An opaque page cursor (the data layer checks it; a stale one shows the first page). */
  cursor: () => z.string().min(1).max(500),
  /** A tick box: present as "1" (or "on"). */
  flag: () => z.enum(['1', 'on', 'true']).transform(() => true),
};

type Fields = Record<string, z.ZodType<unknown, string>>;
export type SearchValues<F extends Fields> = { [K in keyof F]?: Exclude<z.output<F[K]>, undefined> };

/**
 * The fields a page reads, each validated on its own (the first value of a repeated parameter); a value that
 * fails its field, holds a control character or is over-long is undefined. Parameters the page does not name are
 * ignored.
 */
export async function readSearchParams<F extends Fields>(
  searchParams: Promise<RawSearchParams> | RawSearchParams,
  fields: F,
): Promise<SearchValues<F>> {
  const raw = await searchParams;
  const values = Object.create(null) as Record<string, unknown>;
  for (const [name, schema] of Object.entries(fields)) {
    const given = Object.hasOwn(raw, name) ? raw[name] : undefined;
    const value = Array.isArray(given) ? given[0] : given;
    if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH || CONTROL_CHARACTERS.test(value)) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success && parsed.data !== undefined) values[name] = parsed.data;
  }
  return values as SearchValues<F>;
}
