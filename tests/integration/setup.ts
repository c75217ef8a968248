import { afterAll } from 'vitest';
import { closeDb } from '@/db/client';

process.env.SEED_DEMO_DATA = 'never';
if (!process.env.DATABASE_URL) process.env.PGLITE_DATA_DIR = 'memory://';

afterAll(async () => {
  await closeDb();
});
