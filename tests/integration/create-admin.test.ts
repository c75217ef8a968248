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

/** `npm run create-admin` with the email, name and ADMIN_PASSWORD given, on the database of `onEnv`. */
const createAdmin = (onEnv: NodeJS.ProcessEnv, email: string, name: string, password: string) =>
  run('npx', ['tsx', 'db/cli/create-admin.ts', '--email', email, '--name', name], {
    env: { ...onEnv, ADMIN_PASSWORD: password },
  });
/** The same, for a call that must fail: its exit code and standard error. */
const refusedCreateAdmin = (onEnv: NodeJS.ProcessEnv, email: string, name: string, password: string) =>
  createAdmin(onEnv, email, name, password).catch((error: { code: number; stderr: string }) => error);

it('creates the first admin from the command line, with the password from ADMIN_PASSWORD', async () => {
  const { stdout } = await createAdmin(env, 'Owner@Shop.example', 'Dana Owner', 'a-strong-owner-password');
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
  await createAdmin(env, 'Owner@Shop.example', 'Dana Owner', 'a-strong-owner-password');
  const short = await refusedCreateAdmin(env, 'second@shop.example', 'Second', 'short');
  expect(short).toMatchObject({ code: 1 });
  expect((short as { stderr: string }).stderr).toContain('at least 8 characters');

  const duplicate = await refusedCreateAdmin(env, 'owner@shop.example', 'Copy', 'another-strong-password');
  expect(duplicate).toMatchObject({ code: 1 });
  expect((duplicate as { stderr: string }).stderr).toContain('already exists');
}, 120_000);
