// The one database handle. DATABASE_URL set: a pg pool on that PostgreSQL server. Unset: the embedded PGlite
// (real PostgreSQL in WASM) under ./.data/pglite. Both are Drizzle PgDatabase objects, so every query in db/
// runs the same code on either. Created lazily (never at import, so `next build` opens nothing) and cached on
// globalThis so dev reloads do not open a second pool or a second PGlite.
import path from 'node:path';
import { sql, type Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { dataDir } from './platform/data-dir';
import { env, seedsDemoData } from './platform/env';
import { isUuid } from './core/ids';
import { migrateDatabase } from './migrate';
import { currentRequestContext } from './platform/audit-context';
import { redactQueryErrors, retryOnPool, retryTransactionsBeforeWork } from './platform/reconnect';
import * as schema from './schema';
import { seedDemoData } from './seed';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A query runner: the database itself or an open transaction. */
export type Executor = Database | Transaction;

type Handle = { db: Database; kind: 'postgres' | 'embedded'; close: () => Promise<void> };

type StatementListener = (query: string, params: unknown[]) => void;
const statementListeners = new Set<StatementListener>();
/**
 * Drizzle's logger for both drivers: silent unless someone listens (the benchmark and the EXPLAIN test capture
 * the SQL a data-layer call sends). One object whose listeners change, because a prepared statement keeps the
 * logger it was made with.
 */
const statementLog: Logger = {
  logQuery(query, params) {
    for (const listener of statementListeners) listener(query, params);
  },
};

/** Calls `listener` with every statement sent until the returned function is called. */
export function listenToStatements(listener: StatementListener): () => void {
  statementListeners.add(listener);
  return () => statementListeners.delete(listener);
}

/**
 * A read built once and kept prepared, per database handle: Drizzle writes its SQL once instead of on every
 * call, and on PostgreSQL it runs as a named prepared statement whose plan every pooled connection keeps after
 * a few runs (planning a five-table join by primary key costs as much as running it). Only for fixed-shape reads
 * whose best plan does not depend on the values (by key; the unfiltered job board, whose statuses are literals):
 * never a search or a filtered list.
 */
export function preparedRead<P>(build: (db: Database) => P): (db: Database) => P {
  const byHandle = new WeakMap<Database, P>();
  return (db) => {
    let statement = byHandle.get(db);
    if (!statement) {
      statement = build(db);
      byHandle.set(db, statement);
    }
    return statement;
  };
}

const globalForDb = globalThis as unknown as { workshopDb?: Promise<Handle> };

export function embeddedDirectory(): string {
  return env().PGLITE_DATA_DIR ?? path.join(dataDir, 'pglite');
}

async function openPostgres(url: string): Promise<Handle> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // A server that does not answer a connection attempt within 5 s is treated as unreachable (503), not waited on.
  // jit off: PostgreSQL compiles a statement whose estimate passes jit_above_cost, and for a shop's short reads the
  // compiling is the cost (the dashboard's weekly hours: ~350 ms of JIT for ~10 ms of work at chain scale).
  const pool = new pg.Pool({
    connectionString: url,
    max: env().DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 5000,
    options: '-c jit=off',
  });
  // An idle client that loses its connection (a restart) must not crash the process; the pool drops it.
  pool.on('error', (error) =>
    console.error('[db] idle client lost its connection:', (error as { code?: string }).code ?? error.message),
  );
  retryOnPool(pool as unknown as Parameters<typeof retryOnPool>[0]);
  // A client in use (in a transaction, between statements) that loses its connection emits 'error' with no pool
  // listener attached: without this one, a restart of PostgreSQL would crash the process. Its statement fails too.
  pool.on('connect', (client) => {
    client.on('error', (error) =>
      console.warn('[db] connection lost:', (error as { code?: string }).code ?? error.message),
    );
  });
  pool.on('connect', sendRequestContextWithBegin);
  const db = drizzle(pool, { schema, logger: statementLog }) as unknown as Database;
  await migrateDatabase({ kind: 'postgres', url });
  // A PostgreSQL database gets the demo shop only on a demo server (SEED_DEMO_DATA=always); else `npm run db:seed`.
  if (env().SEED_DEMO_DATA === 'always') await seedAndAnnounce(db);
  return { db, kind: 'postgres', close: () => pool.end() };
}

async function openEmbedded(directory: string): Promise<Handle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { drizzle } = await import('drizzle-orm/pglite');
  const inMemory = directory.startsWith('memory://');
  let release = () => {};
  if (!inMemory) {
    const { lockEmbeddedDirectory } = await import('./platform/embedded-lock');
    release = lockEmbeddedDirectory(directory);
  }
  try {
    const client = await PGlite.create(inMemory ? directory : directory, { extensions: { pg_trgm, btree_gist } });
    const db = drizzle(client, { schema, logger: statementLog }) as unknown as Database;
    await migrateDatabase({ kind: 'embedded', db });
    if (seedsDemoData()) await seedAndAnnounce(db);
    return {
      db,
      kind: 'embedded',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * The demo shop goes only into a new (user-less) database, and only in development or on a demo server
 * (SEED_DEMO_DATA, db/platform/env.ts): a production start never creates admin@example.com by itself. When the
 * demo accounts are there, their sign-ins are printed.
 */
async function seedAndAnnounce(db: Database): Promise<void> {
  await seedDemoData(db, { onlyIfEmpty: true });
  const [demo] = await db
    .select({ present: sql<boolean>`true` })
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = 'admin@example.com'`);
  if (demo) printDemoSignIns({ loud: env().SEED_DEMO_DATA === 'always' });
}

export function printDemoSignIns(options: { loud?: boolean } = {}): void {
  const banner = options.loud
    ? [
        '',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        '!!  DEMO SERVER (SEED_DEMO_DATA=always): anyone can sign in with these accounts.',
        '!!  Never run a real shop like this.',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      ]
    : [];
  console.log(
    [
      ...banner,
      '',
      'Demo data loaded. Demo sign-ins:',
      '  admin@example.com     / admin-demo-pass   (admin)',
      '  worker@example.com    / worker-demo-pass  (worker)',
      '  mechanic2@example.com / worker-demo-pass  (worker)',
      '',
    ].join('\n'),
  );
}

function open(): Promise<Handle> {
  redactQueryErrors();
  const url = env().DATABASE_URL;
  return (url ? openPostgres(url) : openEmbedded(embeddedDirectory())).then((handle) => {
    carryRequestContextIntoTransactions(handle.db, handle.kind === 'postgres');
    return handle;
  });
}

// Every transaction opened while a request context is active records the actor and origin as transaction-local
// settings, which the audit triggers read. Data-layer writes therefore run in transactions.

const origins: ReadonlySet<string> = new Set(['ui', 'api', 'system']);

/**
 * The settings as SQL text with the values written in, or null when there is no context (or, defensively, when
 * a value is not a uuid and a known origin: then they go as parameters in a statement of their own).
 */
function requestContextSettings(): string | null {
  const context = currentRequestContext();
  if (!context || !isUuid(context.actorId) || !origins.has(context.origin)) return null;
  return `select set_config('app.actor_id', '${context.actorId}', true), set_config('app.origin', '${context.origin}', true)`;
}

type QueryConfigLike = { text?: unknown; name?: unknown };

/**
 * On PostgreSQL the settings travel with Drizzle's `begin` (one simple-protocol message holding both
 * statements) instead of costing a round trip of their own on every write.
 */
function sendRequestContextWithBegin(client: import('pg').PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((config: unknown, ...rest: unknown[]) => {
    const begin = config as QueryConfigLike | null;
    if (typeof begin === 'object' && begin !== null && begin.text === 'begin' && !begin.name) {
      const settings = requestContextSettings();
      const sent = query(settings ? { ...begin, text: `begin; ${settings}` } : config, ...rest) as Promise<unknown>;
      // Drizzle releases a transaction's client only once `begin` succeeded: when `begin` fails (the server went
      // away between the checkout and the first statement) the client goes back to the pool here, as broken.
      return sent.catch((error: unknown) => {
        client.release(error instanceof Error ? error : new Error('begin failed'));
        throw error;
      });
    }
    return query(config, ...rest);
  }) as typeof client.query;
}

/** Elsewhere (PGlite, whose round trips are calls in the same process) the settings are the first statement. */
function carryRequestContextIntoTransactions(db: Database, withBegin: boolean): void {
  const transaction = retryTransactionsBeforeWork(db.transaction.bind(db) as never) as Database['transaction'];
  db.transaction = ((work, config) =>
    transaction(async (tx) => {
      const context = currentRequestContext();
      if (context && !(withBegin && !config && requestContextSettings())) {
        await tx.execute(
          sql`select set_config('app.actor_id', ${context.actorId}, true), set_config('app.origin', ${context.origin}, true)`,
        );
      }
      return work(tx);
    }, config)) as Database['transaction'];
}

/** The migrated database (opened on first use). */
export async function getDb(): Promise<Database> {
  if (!globalForDb.workshopDb) {
    globalForDb.workshopDb = open().catch((error) => {
      globalForDb.workshopDb = undefined;
      throw error;
    });
  }
  return (await globalForDb.workshopDb).db;
}

export async function databaseKind(): Promise<Handle['kind']> {
  await getDb();
  return (await globalForDb.workshopDb!).kind;
}

/** Closes the pool or the embedded database (scripts and tests). */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.workshopDb;
  globalForDb.workshopDb = undefined;
  if (handle) await (await handle).close();
}
