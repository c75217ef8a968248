// Runs once when the server starts: validates the environment (and the auth secret), then opens the database,
// which applies the migrations and, when SEED_DEMO_DATA says so, loads the demo data into a new database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { DEFAULTED_SITE_URL_MARK, env } = await import('./db/platform/env');
  env();
  const { authSecret } = await import('./db/auth/secret');
  authSecret(); // a missing file is made now; a short secret stops the start here, with its reason
  const { installClientAddressHeader } = await import('./app/_lib/client-address');
  await installClientAddressHeader();
  // next-auth v4 builds its own URLs from NEXTAUTH_URL; default it to where `next dev`/`next start` listens.
  if (!process.env.NEXTAUTH_URL) {
    process.env.NEXTAUTH_URL = `http://localhost:${process.env.PORT ?? '3000'}`;
    process.env[DEFAULTED_SITE_URL_MARK] = '1';
  }
  const { getDb } = await import('./db/client');
  await getDb();
}
