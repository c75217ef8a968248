// The schema registry behind components.schemas: a response schema registered here with its id is listed
// once in the document and referred to everywhere (nested ones too) as `$ref: '#/components/schemas/<id>'`
// by zod's own JSON Schema conversion (openapi.ts). Plus the type the drift checks use.
import { z } from 'zod';

export const apiComponents = z.registry<{ id: string }>();

/** Registers a DTO schema as the component `id` and returns it unchanged. */
export function component<T extends z.ZodType>(id: string, schema: T): T {
  apiComponents.add(schema, { id });
  return schema;
}

/** True only when A and B are each assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compile-time drift check between a response schema and the DTO type the data layer returns:
 * `const _x: Exact<typeof schema, Dto> = true` fails the typecheck when a field is added or dropped on either side.
 */
export type Exact<S extends z.ZodType, T> = Same<z.output<S>, T>;
