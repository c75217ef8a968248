// The first admin of a production database comes from `npm run create-admin`; it gets no demo data.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const directory = mkdtempSync(path.join(tmpdir(), 'workshop-admin-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const envFor = (name: string) => ({
  ...process.env,
  DATABASE_URL: '',
  PGLITE_DATA_DIR: path.join(directory, name),
  SEED_DEMO_DATA: 'never',
});
const env = envFor('db');

it('creates the first admin from the command line, with the password from ADMIN_PASSWORD', async () => {
  const { stdout } = await run(
    'npx',
    ['tsx', 'db/cli/create-admin.ts', '--email', 'Owner@Shop.example', '--name', 'Dana Owner'],
    {
      env: { ...env, ADMIN_PASSWORD: 'a-strong-owner-password' },
    },
  );
  expect(stdout).toContain('Admin Owner@Shop.example created');
  expect(stdout).not.toContain('a-strong-owner-password');

  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(path.join(directory, 'db'));
  try {
    const { rows } = await client.query<{ email: string; role: string; password_hash: string; others: number }>(
      `select email, role, password_hash, (select count(*)::int from customers) as others from users`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: 'Owner@Shop.example', role: 'admin', others: 0 });
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
  } finally {
    await client.close();
  }
}, 120_000);

it('refuses a short password and a second admin with the same email, clearly', async () => {
  const env = envFor('refusals');
  await run('npx', ['tsx', 'db/cli/create-admin.ts', '--email', 'Owner@Shop.example', '--name', 'Dana Owner'], {
    env: { ...env, ADMIN_PASSWORD: 'a-strong-owner-password' },
  });
  const short = await run(
    'npx',
    ['tsx', 'db/cli/create-admin.ts', '--email', 'second@shop.example', '--name', 'Second'],
    {
      env: { ...env, ADMIN_PASSWORD: 'short' },
    },
  ).catch((error: { code: number; stderr: string }) => error);
  expect(short).toMatchObject({ code: 1 });
  expect((short as { stderr: string }).stderr).toContain('at least 8 characters');

  const duplicate = await run(
    'npx',
    ['tsx', 'db/cli/create-admin.ts', '--email', 'owner@shop.example', '--name', 'Copy'],
    {
      env: { ...env, ADMIN_PASSWORD: 'another-strong-password' },
    },
  ).catch((error: { code: number; stderr: string }) => error);
  expect(duplicate).toMatchObject({ code: 1 });
  expect((duplicate as { stderr: string }).stderr).toContain('already exists');
}, 120_000);
