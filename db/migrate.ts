// Applies the committed migrations in ./drizzle. On PostgreSQL a session advisory lock on a dedicated
// connection makes concurrent starters (several app instances, parallel test workers) take turns.
import path from 'node:path';
import type { Database } from './client';

const migrationsFolder = path.join(process.cwd(), 'drizzle');
const MIGRATION_LOCK_KEY = 727_001;

type Target = { kind: 'postgres'; url: string } | { kind: 'embedded'; db: Database };

export async function migrateDatabase(target: Target): Promise<void> {
  if (target.kind === 'embedded') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(target.db as never, { migrationsFolder });
    return;
  }
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    // Keep the server quiet about "already exists, skipping" notices.
    await client.query(`set client_min_messages = warning`);
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
