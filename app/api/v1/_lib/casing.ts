// The API speaks snake_case JSON; the data layer speaks camelCase. These pure helpers translate in one place:
// request bodies and query params snake → camel before a db/ function validates them, DTOs camel → snake
// (Dates → ISO 8601 UTC strings) on the way out, and field-error paths (`lines.0.unitPriceCents`) back to
// the caller's words (`lines.0.unit_price_cents`). Pure (one type import): usable from unit tests and the docs page.
import type { FieldErrors } from '@/db/core/errors';

// Every API answer renames the same few hundred DTO keys; the regexes run once per key, not once per row.
const snakeKeys = new Map<string, string>();

/** `unitPriceCents` → `unit_price_cents`; already-snake and leading-underscore keys (`_form`) are kept. */
export function camelToSnake(key: string): string {
  let snake = snakeKeys.get(key);
  if (snake === undefined) {
    snake = key
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .toLowerCase();
    // Keys come from DTOs and specs, but a caller-supplied object could bring any number: bound the memo.
    if (snakeKeys.size > 5000) snakeKeys.clear();
    snakeKeys.set(key, snake);
  }
  return snake;
}

/** `unit_price_cents` → `unitPriceCents`; a leading underscore (`_form`) is kept. */
export function snakeToCamel(key: string): string {
  return key.replace(
    /([a-zA-Z0-9])_+([a-zA-Z0-9])/g,
    (_match, before: string, after: string) => before + after.toUpperCase(),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Keys that could reach an object's prototype: a body or query string that names one is refused. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A caller's key that names a prototype (`__proto__`, `constructor`, `prototype`), at `path` (caller's casing). */
export class ReservedKeyError extends Error {
  constructor(readonly path: string) {
    super(`"${path}" is not an allowed field name.`);
    this.name = 'ReservedKeyError';
  }
}

/**
 * Deep copy with every object key in camelCase (for request bodies and query params). Values are untouched.
 * The copies have no prototype, and a key that names one (before or after renaming) throws ReservedKeyError.
 */
export function keysToCamel(value: unknown, path = ''): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => keysToCamel(item, path ? `${path}.${index}` : `${index}`));
  if (isPlainObject(value)) {
    const result = Object.create(null) as Record<string, unknown>;
    for (const [key, inner] of Object.entries(value)) {
      const where = path ? `${path}.${key}` : key;
      const camel = snakeToCamel(key);
      if (RESERVED_KEYS.has(key) || RESERVED_KEYS.has(camel)) throw new ReservedKeyError(where);
      result[camel] = keysToCamel(inner, where);
    }
    return result;
  }
  return value;
}

/**
 * A data-layer result as API JSON: keys in snake_case, Dates as ISO 8601 UTC strings, `undefined` dropped,
 * bigints as numbers. Anything that is not a plain object, array or Date is passed through.
 */
export function toApiJson(value: unknown): unknown {
  // Every field of every row of every answer passes here: primitives first, no entry arrays (a profile of the
  // customer read spent a tenth of its CPU in this function).
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) {
    const result = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) result[index] = toApiJson(value[index]);
    return result;
  }
  if (isPlainObject(value)) {
    const result: Record<string, unknown> = {};
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const inner = value[key];
      if (inner === undefined) continue;
      result[camelToSnake(key)] = toApiJson(inner);
    }
    return result;
  }
  return value;
}

/** A dotted field path in the caller's casing: `lines.0.unitPriceCents` → `lines.0.unit_price_cents`. */
export function pathToSnake(path: string): string {
  return path.split('.').map(camelToSnake).join('.');
}

/** Field errors keyed by snake_case paths; messages of keys that collide are merged. No prototype: a refused
 * `constructor` field is a key like any other. */
export function fieldErrorsToSnake(fieldErrors: FieldErrors): FieldErrors {
  const result = Object.create(null) as FieldErrors;
  for (const [path, messages] of Object.entries(fieldErrors)) {
    (result[pathToSnake(path)] ??= []).push(...messages);
  }
  return result;
}

/**
 * A JSON Schema (as z.toJSONSchema emits it) with property names in snake_case: `properties` keys,
 * `required` entries, and the same inside every nested schema (items, anyOf, $defs, …).
 */
export function jsonSchemaToSnake<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item: unknown) => jsonSchemaToSnake(item)) as T;
  if (!isPlainObject(schema)) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(schema)) {
    if (key === 'properties' && isPlainObject(inner)) {
      const properties: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(inner))
        properties[camelToSnake(name)] = jsonSchemaToSnake(property);
      result[key] = properties;
    } else if (key === 'required' && Array.isArray(inner)) {
      result[key] = inner.map((name) => (typeof name === 'string' ? camelToSnake(name) : name));
    } else if (key === 'default' || key === 'const' || key === 'enum' || key === 'examples') {
      result[key] = inner; // values, not schemas
    } else {
      result[key] = jsonSchemaToSnake(inner);
    }
  }
  return result as T;
}
