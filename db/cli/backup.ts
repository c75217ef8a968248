// npm run db:backup [-- --out FILE] — a backup of DATABASE_URL (pg_dump) or of the embedded database.
import { parseArgs } from 'node:util';
import { backupEmbedded, backupPostgres } from '../platform/backup';
import { embeddedDirectory } from '../client';
import { env } from '../platform/env';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const url = env().DATABASE_URL;
const out = values.out ?? `backups/workshop-${stamp}.${url ? 'dump' : 'tar.gz'}`;
try {
  if (url) await backupPostgres(url, out);
  else await backupEmbedded(embeddedDirectory(), out);
  console.log(`Backup written to ${out}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
