// What a search box's text becomes in SQL, for the customer search, the vehicle search and the new job's vehicle
// picker (the short list of users only needs escapeLike). Three letters or digits in a row or more: the text
// anywhere (ILIKE, served by the pg_trgm indexes). Shorter: the start of a word (a full-text prefix match, served
// by the *_words_idx indexes), because a trigram index cannot serve a pattern without three letters or digits in
// a row: "xu" would read every customer and vehicle, and a search-as-you-type box sends exactly such texts with
// its first keystrokes.
import { sql, type SQL } from 'drizzle-orm';

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
 * "Xu" → `words @@ to_tsquery('simple', 'xu:*')`: some word starts with it; "j s" → every one of its words
 * starts a word ("John Smith"). Only letters and digits reach the query, so nothing in it is query syntax.
 * A text with no letter or digit matches nothing.
 */
export function matchesWordStarts(words: SQL, text: string): SQL {
  const terms = text.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!terms) return sql`false`;
  return sql`${words} @@ to_tsquery('simple', ${terms.map((term) => `${term}:*`).join(' & ')})`;
}
