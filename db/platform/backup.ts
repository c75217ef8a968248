// Backups of either database. Embedded: PGlite's own data-directory dump (a .tar.gz). PostgreSQL: pg_dump's
// custom format, restored with pg_restore. A restore only goes into an empty target, never over live data.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function ensureParent(file: string) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

/** A backup holds every customer and password hash: the file is the owner's alone (mode 600) from its creation. */
function createPrivateFile(file: string): void {
  ensureParent(file);
  closeSync(openSync(file, 'w', 0o600));
  chmodSync(file, 0o600); // an existing file keeps its old mode on open
}

/**
 * pg_dump/pg_restore arguments and environment for a connection URL: the password travels in PGPASSWORD, never
 * on the command line (where `ps` shows it to every user of the machine).
 */
export function postgresConnection(url: string): { target: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { target: parsed.toString(), env };
}

async function openLocked(directory: string, loadDataDir?: Blob) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { lockEmbeddedDirectory } = await import('./embedded-lock');
  const release = lockEmbeddedDirectory(directory);
  try {
    const client = await PGlite.create(directory, {
      extensions: { pg_trgm, btree_gist },
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    return { client, release };
  } catch (error) {
    release();
    throw error;
  }
}

export async function backupEmbedded(directory: string, outFile: string): Promise<void> {
  if (!existsSync(directory)) throw new Error(`No embedded database at ${directory}.`);
  const { client, release } = await openLocked(directory);
  try {
    const dump = await client.dumpDataDir('gzip');
    createPrivateFile(outFile);
    writeFileSync(outFile, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  } finally {
    await client.close();
    release();
  }
}

export async function restoreEmbedded(file: string, directory: string): Promise<void> {
  if (existsSync(directory) && readdirSync(directory).some((name) => name !== '.workshop.lock')) {
    throw new Error(`${directory} already holds a database. Move it away first; a restore never overwrites data.`);
  }
  const blob = new Blob([readFileSync(file)]);
  const { client, release } = await openLocked(directory, blob);
  try {
    await client.query('select 1');
  } finally {
    await client.close();
    release();
  }
}

async function hasCommand(command: string): Promise<boolean> {
  try {
    await run(command, ['--version']);
    return true;
  } catch {
    return false;
  }
}

export async function backupPostgres(url: string, outFile: string): Promise<void> {
  if (!(await hasCommand('pg_dump')))
    throw new Error('pg_dump is not installed (Debian: apt-get install postgresql-client).');
  createPrivateFile(outFile);
  const { target, env } = postgresConnection(url);
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${outFile}`, target], { env });
}

export async function restorePostgres(file: string, url: string): Promise<void> {
  if (!(await hasCommand('pg_restore')))
    throw new Error('pg_restore is not installed (Debian: apt-get install postgresql-client).');
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: number }>(
      `select count(*)::int as tables from information_schema.tables where table_schema = 'public'`,
    );
    if (rows[0]!.tables > 0) {
      throw new Error(
        'The target database is not empty. Restore into a new, empty database; a restore never overwrites data.',
      );
    }
  } finally {
    await client.end();
  }
  const { target, env } = postgresConnection(url);
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target}`, file], { env });
}
