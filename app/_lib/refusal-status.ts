// The HTTP status of each kind of data-layer refusal, in one place: the API's problem answers
// (app/api/v1/_lib/problem.ts) and the screens' own downloads (the technician report's CSV) answer alike.
import type { DomainErrorKind } from '@/db/core/errors';

export const refusalStatus: Record<DomainErrorKind, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  unavailable: 503,
  gone: 410,
  throttled: 429,
};
