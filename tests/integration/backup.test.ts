// A backup restored into a fresh database holds every row of every table.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { backupPostgres, restorePostgres } from '@/db/platform/backup';
import { businessTables } from '@/db/schema';

const run = promisify(execFile);
const workDirectory = mkdtempSync(path.join(tmpdir(), 'workshop-backup-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

const tables = [...businessTables, 'audit_events'];
const countsQuery = tables.map((table) => `(select count(*) from ${table})::int as ${table}`).join(', ');
const checksumQuery = `select md5(string_agg(id::text || status::text || version::text, ',' order by id)) as jobs from jobs`;

async function cli(script: string, args: string[], env: Record<string, string>) {
  return run('npx', ['tsx', `db/cli/${script}.ts`, ...args], {
    env: { ...process.env, SEED_DEMO_DATA: 'never', ...env },
  });
}

async function embeddedSnapshot(directory: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(directory);
  try {
    const counts = (await client.query<Record<string, number>>(`select ${countsQuery}`)).rows[0]!;
    const checksum = (await client.query<{ jobs: string }>(checksumQuery)).rows[0]!.jobs;
    return { counts, checksum };
  } finally {
    await client.close();
  }
}

it('backs up the embedded database and restores it into a fresh directory', async () => {
  const source = path.join(workDirectory, 'source');
  const target = path.join(workDirectory, 'target');
  const file = path.join(workDirectory, 'embedded.tar.gz');
  await cli('seed', [], { DATABASE_URL: '', PGLITE_DATA_DIR: source });
  await cli('backup', ['--out', file], { DATABASE_URL: '', PGLITE_DATA_DIR: source });
  expect(statSync(file).mode & 0o777).toBe(0o600); // the customers and password hashes are the owner's alone
  await cli('restore', [file], { DATABASE_URL: '', PGLITE_DATA_DIR: target });
  const before = await embeddedSnapshot(source);
  const after = await embeddedSnapshot(target);
  expect(before.counts.jobs).toBeGreaterThan(0);
  expect(after).toEqual(before);
  // Restoring over an existing database is refused.
  await expect(cli('restore', [file], { DATABASE_URL: '', PGLITE_DATA_DIR: target })).rejects.toMatchObject({
    stderr: expect.stringContaining('already holds a database'),
  });
}, 180_000);

// Registered only when this run has a PostgreSQL server (DATABASE_URL), as CI's run does.
const postgresUrl = process.env.DATABASE_URL;
if (postgresUrl)
  it('backs up PostgreSQL with pg_dump and restores it into a fresh database', async () => {
    const url = postgresUrl;
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const suffix = `${process.pid}_${Date.now()}`;
    const sourceName = `workshop_backup_source_${suffix}`;
    const targetName = `workshop_backup_target_${suffix}`;
    await admin.query(`create database ${sourceName}`);
    await admin.query(`create database ${targetName}`);
    const withDatabase = (name: string) => {
      const parsed = new URL(url);
      parsed.pathname = `/${name}`;
      return parsed.toString();
    };
    const snapshot = async (name: string) => {
      const client = new pg.Client({ connectionString: withDatabase(name) });
      await client.connect();
      try {
        const counts = (await client.query(`select ${countsQuery}`)).rows[0];
        const checksum = (await client.query(checksumQuery)).rows[0].jobs;
        return { counts, checksum };
      } finally {
        await client.end();
      }
    };
    try {
      const file = path.join(workDirectory, 'postgres.dump');
      await cli('seed', [], { DATABASE_URL: withDatabase(sourceName) });
      await cli('backup', ['--out', file], { DATABASE_URL: withDatabase(sourceName) });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      await cli('restore', [file], { DATABASE_URL: withDatabase(targetName) });
      const before = await snapshot(sourceName);
      expect(before.counts.jobs).toBeGreaterThan(0);
      expect(await snapshot(targetName)).toEqual(before);
    } finally {
      await admin.query(`drop database if exists ${sourceName} with (force)`);
      await admin.query(`drop database if exists ${targetName} with (force)`);
      await admin.end();
    }
  }, 180_000);

/** Stand-ins for pg_dump and pg_restore that write down what they were started with. */
function recordingTools(): { directory: string; recorded: () => { args: string; password: string }[] } {
  const directory = path.join(workDirectory, 'fake-tools');
  mkdirSync(directory, { recursive: true });
  const log = path.join(directory, 'calls.log');
  for (const tool of ['pg_dump', 'pg_restore']) {
    const script = path.join(directory, tool);
    writeFileSync(
      script,
      `#!/bin/sh\n[ "$1" = "--version" ] && exit 0\nprintf '%s\\t%s\\n' "$*" "$PGPASSWORD" >> "${log}"\n`,
    );
    chmodSync(script, 0o755);
  }
  return {
    directory,
    recorded: () =>
      readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const [args = '', password = ''] = line.split('\t');
          return { args, password };
        }),
  };
}

it('hands pg_dump the password through the environment, never on its command line, into a file only the owner reads', async () => {
  const tools = recordingTools();
  const originalPath = process.env.PATH;
  process.env.PATH = `${tools.directory}:${originalPath}`;
  try {
    const file = path.join(workDirectory, 'secret-shop.dump');
    await backupPostgres('postgres://shop:S3cret%2Fpass@db.internal:5432/shop', file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const [call] = tools.recorded();
    expect(call!.args).not.toContain('S3cret');
    expect(call!.args).toContain('postgres://shop@db.internal:5432/shop');
    expect(call!.password).toBe('S3cret/pass');
  } finally {
    process.env.PATH = originalPath;
  }
});

if (postgresUrl)
  it('hands pg_restore the password through the environment too', async () => {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const name = `workshop_restore_password_${process.pid}_${Date.now()}`;
    await admin.query(`create database ${name}`);
    const tools = recordingTools();
    const originalPath = process.env.PATH;
    process.env.PATH = `${tools.directory}:${originalPath}`;
    try {
      const target = new URL(postgresUrl);
      target.pathname = `/${name}`;
      target.password = 'restore-pass';
      if (!target.username) target.username = 'postgres';
      await restorePostgres(path.join(workDirectory, 'any.dump'), target.toString());
      const restoreCall = tools.recorded().at(-1)!;
      expect(restoreCall.args).not.toContain('restore-pass');
      expect(restoreCall.password).toBe('restore-pass');
    } finally {
      process.env.PATH = originalPath;
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
