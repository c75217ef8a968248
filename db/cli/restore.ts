// npm run db:restore -- FILE — restores a backup into DATABASE_URL (an empty database) or into the embedded
// database directory (which must not exist yet).
import { parseArgs } from 'node:util';
import { restoreEmbedded, restorePostgres } from '../platform/backup';
import { embeddedDirectory } from '../client';
import { env } from '../platform/env';

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run db:restore -- path/to/backup');
  process.exit(2);
}
const url = env().DATABASE_URL;
try {
  if (url) await restorePostgres(file, url);
  else await restoreEmbedded(file, embeddedDirectory());
  console.log(`Restored ${file} into ${url ? 'the PostgreSQL database' : embeddedDirectory()}.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
