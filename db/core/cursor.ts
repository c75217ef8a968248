// The one keyset cursor codec: a cursor is the sort values of a page's last row, as base64url JSON. Decoding
// checks every value's kind, so a forged cursor is a field error on `cursor`, never a database error.
import { asc, sql, type AnyColumn } from 'drizzle-orm';
import { invalid } from './errors';
import { isUuid } from './ids';

/** What one value of a cursor must be: any text, a whole number, a row id or a timestamp as PostgreSQL writes it. */
export type CursorPart = 'text' | 'integer' | 'uuid' | 'timestamp';
type CursorValue<P extends CursorPart> = P extends 'integer' ? number : string;
export type CursorValues<P extends readonly CursorPart[]> = { [K in keyof P]: CursorValue<P[K]> };

const timestampText = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

const checks: Record<CursorPart, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string',
  integer: (value) => typeof value === 'number' && Number.isInteger(value),
  uuid: isUuid,
  timestamp: (value) => typeof value === 'string' && timestampText.test(value),
};

export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The cursor's values, checked against `parts`; an `invalid` refusal on `cursor` otherwise. */
export function decodeCursor<const P extends readonly CursorPart[]>(cursor: string, parts: P): CursorValues<P> {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === parts.length &&
      parts.every((part, index) => checks[part](values[index]))
    ) {
      return values as CursorValues<P>;
    }
  } catch {
    // fall through
  }
  throw invalid({ cursor: ['Invalid cursor.'] });
}

/** One page of a keyset-paginated list: its rows and the cursor of the next page (`null` on the last). */
export type Page<T> = { data: T[]; nextCursor: string | null };
type CursorOf<Row> = (last: Row) => readonly (string | number)[];

/**
 * A keyset page from `rows` read with `limit + 1`: the first `limit` of them (each through `toData`, if given), and
 * the cursor after the last of those (`cursorOf` its sort values) when another row follows, `null` otherwise.
 */
export function keysetPage<Row>(rows: Row[], limit: number, cursorOf: CursorOf<Row>): Page<Row>;
export function keysetPage<Row, Out>(
  rows: Row[],
  limit: number,
  cursorOf: CursorOf<Row>,
  toData: (row: Row) => Out,
): Page<Out>;
export function keysetPage<Row, Out>(
  rows: Row[],
  limit: number,
  cursorOf: CursorOf<Row>,
  toData?: (row: Row) => Out,
): Page<Row | Out> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: toData ? page.map((row) => toData(row)) : page,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

/**
 * A list by name (case-insensitive), then id: the sort key to select as `sortName` (the cursor's first value), the
 * condition of the page after `cursor` (undefined on the first page) and the order.
 */
export function nameKeyset(name: AnyColumn, id: AnyColumn, cursor: string | undefined) {
  const after = cursor ? decodeCursor(cursor, ['text', 'uuid']) : null;
  return {
    sortName: sql<string>`lower(${name})`,
    after: after ? sql`(lower(${name}), ${id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
    orderBy: [asc(sql`lower(${name})`), asc(id)],
  };
}
