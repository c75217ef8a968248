// Runs once when the server starts: validates the environment, then opens the database, which applies the
// migrations and, for a new embedded database, loads the demo data.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { env, usesEmbeddedDatabase } = await import('./db/platform/env');
  env();
  // next-auth v4 builds its own URLs from NEXTAUTH_URL; default it to where `next dev`/`next start` listens.
  process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? '3000'}`;
  const { getDb, printDemoSignIns } = await import('./db/client');
  await getDb();
  if (usesEmbeddedDatabase() && process.env.NODE_ENV !== 'production') printDemoSignIns();
}
