// The few ways a data-layer call can refuse. Pages, actions and API handlers map these in one place each
// (app UI: db/action.ts; API: problem+json), never by matching message strings.
import type { ZodError } from 'zod';

export type FieldErrors = Record<string, string[]>;
export type DomainErrorKind = 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'invalid';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthorized = (message = 'Please sign in.') => new DomainError('unauthorized', message);
export const forbidden = (message = 'You are not allowed to do that.') => new DomainError('forbidden', message);
export const notFound = (what: string) => new DomainError('not_found', `${what} not found.`);
export const conflict = (message: string, fieldErrors: FieldErrors = {}) =>
  new DomainError('conflict', message, fieldErrors);
export const invalid = (fieldErrors: FieldErrors, message = 'Please correct the highlighted fields.') =>
  new DomainError('invalid', message, fieldErrors);

/** Every zod issue, keyed by its dotted path (`lines.0.quantity`); form-level issues under `_form`. */
export function fieldErrorsFromZod(error: ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

type PgLikeError = { code?: string; constraint?: string; message?: string };

/** The PostgreSQL error under a Drizzle error, if any. */
export function postgresError(error: unknown): PgLikeError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as PgLikeError & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** Unique violation on the named constraint/index? */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresError(error);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}

/** Check violation (including our triggers' named checks)? */
export function isCheckViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresError(error);
  return pg?.code === '23514' && (constraint === undefined || pg.constraint === constraint);
}
