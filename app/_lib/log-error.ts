// The one way an unexpected error is written to the server log (the API wrapper, the server-action wrapper,
// sign-in and the pages' error path use it): where it happened, a request id the answer also carries, the
// error's class, and for a database error its SQLSTATE code, constraint, table and column. Never the error's
// message, detail or query for a database error: PostgreSQL's messages and details quote values (a duplicate
// key's email) and Drizzle's "Failed query: … params: …" holds the parameters, password hashes included.
import { randomUUID } from 'node:crypto';
import { postgresError } from '@/db/core/errors';

type Described = { requestId: string; line: string };

/** The stack frames only (the first line of a stack repeats the message). */
function frames(error: unknown): string {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .join('\n');
}

function isDatabaseError(error: unknown): boolean {
  if (postgresError(error)) return true;
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    if (/Failed query|params:/i.test(current.message) || 'query' in current || 'params' in current) return true;
    current = current.cause;
  }
  return false;
}

/** A log line that names the error without quoting what it carried. */
export function describeError(where: string, error: unknown, requestId: string = randomUUID()): Described {
  const pg = postgresError(error);
  const name = error instanceof Error ? error.name || error.constructor.name : typeof error;
  const parts = [`[${where}] request ${requestId}: ${name}`];
  if (pg) {
    parts.push(`code=${pg.code}`);
    const fields = pg as { constraint?: string; table?: string; column?: string; routine?: string };
    for (const key of ['constraint', 'table', 'column'] as const) if (fields[key]) parts.push(`${key}=${fields[key]}`);
  } else if (!isDatabaseError(error) && error instanceof Error) {
    // Our own code's errors (a bug) keep their first line, bounded; nothing with values from a query.
    parts.push(`"${error.message.split('\n')[0]!.slice(0, 200)}"`);
  } else {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) parts.push(`code=${code}`);
  }
  return { requestId, line: parts.join(' ') };
}

/** Logs an unexpected error (with its stack frames) and answers the request id to show or send back. */
export function logUnexpectedError(where: string, error: unknown, requestId?: string): string {
  const described = describeError(where, error, requestId);
  const stack = frames(error);
  console.error(stack ? `${described.line}\n${stack}` : described.line);
  return described.requestId;
}

/** A database refusal nobody translated (a user's mistake, answered 4xx): one warning line, no values. */
export function logUntranslatedRefusal(where: string, error: unknown): void {
  console.warn(`${describeError(where, error).line} (untranslated database refusal)`);
}
