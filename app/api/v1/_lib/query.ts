// The query string as the data layer's camelCase input. Only the keys the spec's query schema knows count;
// numbers and booleans are coerced from their text so the data layer's zod schema can validate them.
import type { z } from 'zod';
import { invalid } from '@/db/core/errors';
import { camelToSnake, RESERVED_KEYS, snakeToCamel } from './casing';
import { API_DEFAULT_LIMIT } from './route-spec';

type ZodDef = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** The base type of a field schema under optional/default/nullable/pipe wrappers. */
function baseDef(schema: z.ZodType): ZodDef {
  let def = defOf(schema);
  for (let depth = 0; depth < 10; depth++) {
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) break;
    def = defOf(inner);
  }
  return def;
}

function coerceQueryValue(def: ZodDef, value: string): unknown {
  if ((def.type === 'number' || def.type === 'int') && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (def.type === 'boolean') {
    if (/^(true|1|yes)$/i.test(value)) return true;
    if (/^(false|0|no)$/i.test(value)) return false;
  }
  return value;
}

/**
 * The query string as the data layer's camelCase input: only the keys the schema knows (by their snake_case
 * names), empty values dropped, numbers and booleans coerced from strings so zod can validate them. A parameter
 * named like a prototype (`__proto__`, `constructor`, `prototype`) is refused (422 on it); the result has no prototype.
 */
export function queryFromSearchParams(
  schema: z.ZodObject | undefined,
  searchParams: URLSearchParams,
  list = false,
): Record<string, unknown> {
  for (const name of searchParams.keys()) {
    if (RESERVED_KEYS.has(name) || RESERVED_KEYS.has(snakeToCamel(name)))
      throw invalid({ [name]: [`"${name}" is not an allowed parameter name.`] });
  }
  const query = Object.create(null) as Record<string, unknown>;
  if (schema) {
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const values = searchParams.getAll(camelToSnake(key)).filter((value) => value.trim() !== '');
      if (values.length === 0) continue;
      const def = baseDef(field);
      if (def.type === 'array') {
        const element = def.element ? baseDef(def.element) : { type: 'string' };
        query[key] = values
          .flatMap((value) => value.split(','))
          .map((value) => coerceQueryValue(element, value.trim()));
      } else {
        query[key] = coerceQueryValue(def, values.at(-1)!);
      }
    }
  }
  if (list && query.limit === undefined) query.limit = API_DEFAULT_LIMIT;
  return query;
}
