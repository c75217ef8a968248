// The few ways a data-layer call can refuse. Pages, actions and API handlers map these in one place each
// (app UI: app/_lib/action.ts; API: problem+json), never by matching message strings.
import type { ZodError } from 'zod';

export type FieldErrors = Record<string, string[]>;
export type DomainErrorKind =
  'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'unavailable' | 'gone' | 'throttled';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    /** Only for `unavailable` and `throttled`: when to try again (HTTP 503/429 Retry-After). */
    readonly retryAfterSeconds?: number,
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

/** The server cannot do it right now (overloaded): try again after `retryAfterSeconds` (HTTP 503). */
export const unavailable = (message: string, retryAfterSeconds: number) =>
  new DomainError('unavailable', message, {}, retryAfterSeconds);

/** It existed but is no longer there to use (a superseded or expired approval link: HTTP 410). */
export const gone = (message: string) => new DomainError('gone', message);

/** Too many requests from one client (HTTP 429 with Retry-After). */
export const throttled = (message: string, retryAfterSeconds: number) =>
  new DomainError('throttled', message, {}, retryAfterSeconds);

/** What a page's error boundary sees of an `unavailable` error (Next keeps a thrown error's digest). */
export const DATABASE_UNAVAILABLE_DIGEST = 'workshop-database-unavailable';

/** The database cannot be reached (restarting, failing over): nobody's mistake; try again in a moment. */
export function databaseUnavailable(cause?: unknown): DomainError {
  const error = unavailable('The shop’s database is restarting. Please try again in a moment.', 2);
  Object.assign(error, { digest: DATABASE_UNAVAILABLE_DIGEST, cause });
  return error;
}

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const connectionMessages =
  /Connection terminated|connection error|Client was closed|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down|in recovery mode)|socket hang up/i;

/** A broken, refused or lost connection to PostgreSQL (not something a statement did wrong)? */
export function isConnectionError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if (current instanceof DomainError) return (current as { digest?: unknown }).digest === DATABASE_UNAVAILABLE_DIGEST;
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === 'string' && connectionCodes.has(candidate.code)) return true;
    if (typeof candidate.message === 'string' && connectionMessages.test(candidate.message) && !postgresError(current))
      return true;
    // Node's "connect ECONNREFUSED" over IPv4 and IPv6 arrives as an AggregateError of both.
    if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isConnectionError(inner))) return true;
    current = candidate.cause;
  }
  return false;
}

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

/** Exclusion constraint violation on the named constraint (time entries that would overlap)? */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresError(error);
  return pg?.code === '23P01' && (constraint === undefined || pg.constraint === constraint);
}

/** Check violation (including our triggers' named checks)? */
export function isCheckViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresError(error);
  return pg?.code === '23514' && (constraint === undefined || pg.constraint === constraint);
}

/**
 * A database refusal that a data-layer function did not translate itself: still the caller's mistake, never a
 * server error. Unique violations and rule refusals (checks, foreign keys, our triggers) are conflicts; values
 * PostgreSQL cannot store (a NUL byte in text, a number out of range, an impossible date) are invalid.
 */
export function domainErrorFromDatabase(error: unknown): DomainError | undefined {
  const pg = postgresError(error);
  if (!pg?.code) return undefined;
  if (pg.code === '23505' || pg.code === '23P01') return conflict('That conflicts with existing data.');
  if (['23514', '23503', '23502', '23001', 'P0001'].includes(pg.code)) {
    return conflict('That is not allowed in the current state.');
  }
  if (pg.code.startsWith('22')) {
    return invalid(
      { _form: ['A value cannot be stored (control characters such as NUL, or a number or date out of range).'] },
      'A value is not valid.',
    );
  }
  return undefined;
}
