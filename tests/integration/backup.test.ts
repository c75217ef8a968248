// A backup restored into a fresh database holds every row of every table.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
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
