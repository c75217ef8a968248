// npm run db:migrate — applies the committed migrations to DATABASE_URL, or to the embedded database.
import { closeDb, databaseKind } from '../client';
import { env } from '../platform/env';
import { runTask } from './run';

process.env.SEED_DEMO_DATA ??= 'never';
await runTask(async () => {
  const kind = await databaseKind();
  console.log(
    `Migrations applied (${kind === 'postgres' ? 'PostgreSQL' : `embedded database, ${env().PGLITE_DATA_DIR ?? '.data/pglite'}`}).`,
  );
  await closeDb();
});
