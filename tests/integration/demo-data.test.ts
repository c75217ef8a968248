// Demo accounts only where they belong: SEED_DEMO_DATA=auto (the default) seeds a new embedded database under
// `next dev` only; a production start gets an empty shop (first-run setup); `always` is a demo server.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const directory = mkdtempSync(path.join(tmpdir(), 'workshop-demo-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const repository = path.resolve(import.meta.dirname, '../..');
const script = path.join(directory, 'open-and-count-users.mts');
writeFileSync(
  script,
  `
  const { getDb, closeDb } = await import(${JSON.stringify(path.join(repository, 'db/client.ts'))});
  const { users } = await import(${JSON.stringify(path.join(repository, 'db/schema.ts'))});
  const db = await getDb();
  const rows = await db.select({ email: users.email }).from(users);
  console.log('USERS=' + rows.map((row) => row.email).join(','));
  await closeDb();
`,
);

async function start(name: string, env: Record<string, string>) {
  const { stdout } = await run('npx', ['tsx', script], {
    env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: path.join(directory, name), ...env },
  });
  const users = /USERS=(.*)/.exec(stdout)?.[1] ?? '';
  return { stdout, users: users ? users.split(',') : [] };
}

it('a production start on a new embedded database creates no demo accounts', async () => {
  const production = await start('production', { NODE_ENV: 'production', SEED_DEMO_DATA: '' });
  expect(production.users).toEqual([]);
  expect(production.stdout).not.toContain('admin-demo-pass');
}, 120_000);

it('a demo server (SEED_DEMO_DATA=always) gets the demo shop and announces its sign-ins loudly', async () => {
  const demo = await start('demo', { NODE_ENV: 'production', SEED_DEMO_DATA: 'always' });
  expect(demo.users).toContain('admin@example.com');
  expect(demo.stdout).toContain('DEMO SERVER');
  expect(demo.stdout).toContain('admin@example.com     / admin-demo-pass');
}, 180_000);
