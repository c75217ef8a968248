// Integration tests run against DATABASE_URL when set (CI: a fresh PostgreSQL database), else each test file
// gets its own in-memory PGlite. Migrating once up front keeps parallel workers from racing on a new server.
export default async function setup() {
  process.env.SEED_DEMO_DATA = 'never';
  if (!process.env.DATABASE_URL) return;
  const { migrateDatabase } = await import('../../db/migrate');
  await migrateDatabase({ kind: 'postgres', url: process.env.DATABASE_URL });
}
