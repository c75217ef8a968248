// API-only request shapes (integer cents where a form may send a decimal, the API's page size) are checked
// here, with the data layer's own field-error mapping, before the db/ function validates again with its rules.
import type { z } from 'zod';
import { fieldErrorsFromZod, invalid } from '@/db/core/errors';

/**
 * Checks a body or query against an API-only shape (the wrapper maps the field errors to snake_case) and
 * returns exactly the fields the shape knows, for the data-layer function to validate again with its rules.
 */
export function parseApiInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw invalid(fieldErrorsFromZod(result.error));
  return result.data;
}
