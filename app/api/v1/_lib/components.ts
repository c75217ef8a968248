// The schema registry behind components.schemas: a response schema registered here with its id is listed
// once in the document and referred to everywhere (nested ones too) as `$ref: '#/components/schemas/<id>'`
// by zod's own JSON Schema conversion (openapi.ts). `matching<Dto>()` adds the compile-time drift check against
// the data layer's types.
import { z } from 'zod';

export const apiComponents = z.registry<{ id: string }>();

/** True only when A and B are each assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The schema's output and the DTO type agree, field for field (a field added or dropped on either side does not). */
export type Exact<S extends z.ZodType, T> = Same<z.output<S>, T>;

declare const dtoTypeMark: unique symbol;

/** The data layer's DTO type of a component, for the drift check of `component` (nothing at run time). */
export type DtoType<T> = { readonly [dtoTypeMark]?: T };

export function matching<T>(): DtoType<T> {
  return {};
}

/**
 * Registers a DTO schema as the component `id` and returns it unchanged. With `matching<Dto>()` it is also the
 * compile-time drift check against the type the data layer returns: `component('Job', jobSchema,
 * matching<JobDto>())` fails the typecheck when a field is added or dropped on either side.
 */
export function component<S extends z.ZodType, T = z.output<S>>(
  id: string,
  schema: S,
  _dto?: DtoType<T> & (Exact<S, T> extends true ? unknown : { schemaAndDtoDrifted: never }),
): S {
  apiComponents.add(schema, { id });
  return schema;
}
