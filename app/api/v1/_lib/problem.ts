// Refusals as application/problem+json (RFC 9457), mapped here once: the data layer's DomainError kinds →
// 401/403/404/409/422, the API layer's own refusals (malformed or too deeply nested JSON 400, big bodies 413, 405, bodies that are not JSON 415) as ApiProblem.
// Anything else is logged and answered with a generic 500 that leaks nothing.
import { DomainError, domainErrorFromDatabase, isConnectionError, databaseUnavailable } from '@/db/core/errors';
import type { FieldErrors } from '@/db/core/errors';
import { logUnexpectedError, logUntranslatedRefusal } from '@/app/_lib/log-error';
import { refusalStatus } from '@/app/_lib/refusal-status';
import { fieldErrorsToSnake } from './casing';

/** A refusal decided by the API layer itself (not the data layer). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

const statusTitles: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
  500: 'Internal Server Error',
};

export function statusTitle(status: number): string {
  return statusTitles[status] ?? 'Error';
}

/** Seconds a client should wait after a 503 while the database restarts. */
export const RETRY_AFTER_SECONDS = 2;

export const BEARER_CHALLENGE = 'Bearer realm="workshop-erp"';

export function problemResponse(
  status: number,
  detail: string,
  options: { errors?: FieldErrors; headers?: Record<string, string> } = {},
): Response {
  const body: Record<string, unknown> = { type: 'about:blank', title: statusTitle(status), status, detail };
  if (options.errors && Object.keys(options.errors).length > 0) body.errors = fieldErrorsToSnake(options.errors);
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...options.headers },
  });
}

/** The answer to anything a handler threw; `where` (`GET /api/v1/jobs`) only goes to the server log. */
export function errorResponse(error: unknown, where: string): Response {
  if (error instanceof ApiProblem) return problemResponse(error.status, error.message, { headers: error.headers });
  // The database is restarting or failing over: 503 with Retry-After, whatever the handler was doing.
  if (isConnectionError(error)) {
    return problemResponse(503, databaseUnavailable().message, {
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    });
  }
  if (error instanceof DomainError) {
    const status = refusalStatus[error.kind];
    return problemResponse(status, error.message, {
      errors: error.fieldErrors,
      headers:
        status === 401
          ? { 'WWW-Authenticate': BEARER_CHALLENGE }
          : error.retryAfterSeconds !== undefined
            ? { 'Retry-After': String(error.retryAfterSeconds) }
            : {},
    });
  }
  // A database refusal the data layer did not translate: still the caller's mistake, never a 500.
  const refusal = domainErrorFromDatabase(error);
  if (refusal) {
    logUntranslatedRefusal(`api ${where}`, error);
    return problemResponse(refusalStatus[refusal.kind], refusal.message, { errors: refusal.fieldErrors });
  }
  const requestId = logUnexpectedError(`api ${where}`, error);
  return problemResponse(
    500,
    `Something went wrong on our side. Nothing was saved; please try again (request ${requestId}).`,
    {
      headers: { 'X-Request-Id': requestId },
    },
  );
}
