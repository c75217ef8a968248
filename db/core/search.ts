// What a search box's text becomes in SQL, for the customer search, the vehicle search and the new job's vehicle
// picker (the short list of users only needs escapeLike). Three letters or digits in a row or more: the text
// anywhere (ILIKE, served by the pg_trgm indexes). Shorter: the start of a word (a full-text prefix match, served
// by the *_words_idx indexes), because a trigram index cannot serve a pattern without three letters or digits in
// a row: "xu" would read every customer and vehicle, and a search-as-you-type box sends exactly such texts with
// its first keystrokes.
//
// Every search is a union of ids, one select per condition, so that each condition reads its own index: an OR
// across columns (or an EXISTS per row) reads the whole table. The ids are collected with `= any(array(…))`, then
// fetched by primary key, so that the planner cannot choose to walk the whole table in the list's order instead
// (it did, with `in (…)`, on small tables and on short texts).
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { customers, plateKey, vehicles } from '../schema';

/** `%` and `_` in a search box are plain characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Upper case letters and digits only: "abc 123" finds "ABC-123". */
export function searchKey(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** No three letters or digits in a row: too short for a trigram index, so it is matched by the start of words. */
export function isShortSearch(text: string): boolean {
  return !/[\p{L}\p{N}]{3}/u.test(text);
}

/**
 * A short search reads at most this many word starts: each one- or two-letter prefix is a large share of the
 * word index, and a text of fifty of them ("a b c d …", 100 characters) would make the database merge fifty.
 */
export const MAX_SHORT_TERMS = 4;

/**
 * "Xu" → `words @@ to_tsquery('simple', 'xu:*')`: some word starts with it; "j s" → every one of its words
 * starts a word ("John Smith"). Only letters and digits reach the query, so nothing in it is query syntax.
 * A text with no letter or digit matches nothing. Repeated terms count once; past MAX_SHORT_TERMS the rest are
 * left out (the first ones already narrow the list).
 */
export function matchesWordStarts(words: SQL, text: string): SQL {
  const terms = text.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!terms) return sql`false`;
  const kept = [...new Set(terms)].slice(0, MAX_SHORT_TERMS);
  return sql`${words} @@ to_tsquery('simple', ${kept.map((term) => `${term}:*`).join(' & ')})`;
}

/**
 * The conditions a search text puts on `columns`: each contains the text (one condition per column, for its trigram
 * index); a short text instead starts a word of each of `words` (their word-start indexes).
 */
export function containsOrWordStarts(text: string, columns: SQLWrapper[], words: SQL[]): SQL[] {
  if (isShortSearch(text)) return words.map((expression) => matchesWordStarts(expression, text));
  const pattern = `%${escapeLike(text)}%`;
  return columns.map((column) => sql`${column} ilike ${pattern}`);
}

/** The customers and vehicles a search reads, under their own names (the list it filters uses the tables'). */
export const matchingCustomer = alias(customers, 'matching_customer');
export const matchingVehicle = alias(vehicles, 'matching_vehicle');

/** Plate (as its search key) or VIN contains the text's search key, once that is three characters long. */
export function vehicleKeyConditions(text: string): SQL[] {
  const key = searchKey(text);
  if (key.length < 3) return [];
  const v = matchingVehicle;
  return [sql`${plateKey(v.plate)} like ${`%${key}%`}`, sql`${v.vin} like ${`%${key}%`}`];
}

// In a raw sql`` template an alias renders as its name alone: the FROM item says which table it stands for.
const matchingCustomerFrom = sql`${customers} as ${sql.identifier('matching_customer')}`;
const matchingVehicleFrom = sql`${vehicles} as ${sql.identifier('matching_vehicle')}`;

/** `select id … where a union all select id … where b …` of matchingCustomer, one select per condition. */
export function selectMatchingCustomerIds(conditions: SQL[]): SQL {
  return idsWhere(sql`${matchingCustomer.id}`, matchingCustomerFrom, conditions);
}

/** `select id … where a union all select id … where b …` of matchingVehicle, one select per condition. */
export function selectMatchingVehicleIds(conditions: SQL[]): SQL {
  return idsWhere(sql`${matchingVehicle.id}`, matchingVehicleFrom, conditions);
}

function idsWhere(id: SQL, from: SQL, conditions: SQL[]): SQL {
  return sql.join(
    conditions.map((condition) => sql`select ${id} from ${from} where ${condition}`),
    sql` union all `,
  );
}
