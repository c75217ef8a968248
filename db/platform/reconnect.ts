// When PostgreSQL goes away for a moment (a restart, a managed database failing over), the pool recovers by itself
// (pg drops a broken client instead of pooling it again) and requests in that window either succeed on a second try
// or are refused as `unavailable` (503 on the API, a "restarting" screen on pages), never a 500. The rules that keep
// every write stored at most once:
//   - a statement outside a transaction is retried once only if it is a read, or if its connection was refused
//     before anything was sent (writes run in transactions, CONTRIBUTING.md);
//   - a transaction is retried once only if it failed before its work began (the connection or `begin`), so a
//     COMMIT that may have reached the server is never sent twice;
//   - anything else that lost its connection is `unavailable`: an unacknowledged write is either absent or, if its
//     COMMIT got through, visible when the caller looks again.
// Query errors are also stripped of values here: Drizzle's "Failed query: … params: …" message and PostgreSQL's
// detail quote parameters (password hashes among them), and the server log prints whatever a page threw.
import { PgPreparedQuery } from 'drizzle-orm/pg-core';
import { isConnectionError, postgresError, databaseUnavailable } from '../core/errors';

/** How long a retry waits for the server to come back (a fast restart takes a few hundred milliseconds). */
export const RETRY_DELAY_MS = 500;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Refused before a byte of the statement was sent: safe to send again whatever it was. */
function refusedBeforeSending(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED' || code === '57P03' || code === 'EAI_AGAIN') return true;
  const errors = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.every(refusedBeforeSending);
  return /timeout exceeded when trying to connect/i.test(String((error as Error | null)?.message ?? ''));
}

/** A select (or a `with … select`) that changes nothing. */
export function isReadStatement(config: unknown): boolean {
  const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') return false;
  return /^\s*(select|with)\b/i.test(text) && !/\b(insert|update|delete|merge|for\s+(update|share))\b/i.test(text);
}

type Queryable = { query: (...args: unknown[]) => unknown };

/** The pool's own `query` (statements outside transactions) retries once when that is safe (see above). */
export function retryOnPool(pool: Queryable): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  pool.query = (async (...args: unknown[]) => {
    if (typeof args.at(-1) === 'function') return query(...args); // callback style: not ours
    try {
      return await query(...args);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      if (!isReadStatement(args[0]) && !refusedBeforeSending(error)) throw databaseUnavailable(error);
      await pause(RETRY_DELAY_MS);
      try {
        return await query(...args);
      } catch (again) {
        throw isConnectionError(again) ? databaseUnavailable(again) : again;
      }
    }
  }) as Queryable['query'];
}

/** A transaction that lost its connection before its work began is run once more; after that, `unavailable`. */
export function retryTransactionsBeforeWork<
  T extends (work: (tx: never) => Promise<unknown>, config?: never) => Promise<unknown>,
>(transaction: T): T {
  return (async (work: (tx: never) => Promise<unknown>, config?: never) => {
    let started = false;
    const attempt = () =>
      transaction((tx) => {
        started = true;
        return work(tx);
      }, config);
    try {
      return await attempt();
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      if (started) throw databaseUnavailable(error);
      await pause(RETRY_DELAY_MS);
      started = false;
      try {
        return await attempt();
      } catch (again) {
        throw isConnectionError(again) ? databaseUnavailable(again) : again;
      }
    }
  }) as T;
}

type QueryError = Error & { params?: unknown; query?: unknown; cause?: unknown };
const valueFields = ['detail', 'where', 'internalQuery'] as const;

/** The same error without the values it quotes: code, constraint, table and column stay for the log. */
function withoutValues(error: unknown): unknown {
  if (isConnectionError(error)) return databaseUnavailable(error);
  if (!(error instanceof Error) || !('params' in error)) return error;
  const failed = error as QueryError;
  const pg = postgresError(failed) as (Record<string, unknown> & { code?: string; constraint?: string }) | undefined;
  if (pg) {
    for (const field of valueFields) if (field in pg) pg[field] = undefined;
    // PostgreSQL's own message can quote a value too (`invalid input syntax for type uuid: "…"`, a RAISE).
    if (pg instanceof Error) {
      pg.message = `PostgreSQL error ${pg.code ?? ''}`.trim();
      pg.stack = `${pg.name}: ${pg.message}`;
    }
  }
  const frames = (failed.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  failed.message = `Failed query (SQLSTATE ${pg?.code ?? 'unknown'}${pg?.constraint ? `, constraint ${pg.constraint}` : ''}); its text and parameters are withheld.`;
  delete failed.params;
  delete failed.query;
  failed.stack = [`${failed.name}: ${failed.message}`, ...frames].join('\n');
  return failed;
}

let redacting = false;

/** Every Drizzle statement's failure, on either driver, passes through withoutValues (installed once). */
export function redactQueryErrors(): void {
  if (redacting) return;
  redacting = true;
  type Prepared = { queryWithCache: (...args: unknown[]) => Promise<unknown> };
  const prototype = PgPreparedQuery.prototype as unknown as Prepared;
  const queryWithCache = prototype.queryWithCache;
  prototype.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await queryWithCache.apply(this, args);
    } catch (error) {
      throw withoutValues(error);
    }
  };
}
