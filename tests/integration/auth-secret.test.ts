// The secret that signs every session: generated once per shop, never half-written, never short.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const directory = mkdtempSync(path.join(tmpdir(), 'workshop-secret-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
const secretModule = JSON.stringify(path.resolve(import.meta.dirname, '../../db/auth/secret.ts'));
const script = path.join(directory, 'print-secret.mts');
writeFileSync(
  script,
  `import { writeFileSync } from 'node:fs';
const { authSecret } = await import(${secretModule});
const first = authSecret();
if (process.argv[2] === 'change-file') writeFileSync('.data/auth-secret', 'x'.repeat(40));
console.log('SECRET=' + first + ' AGAIN=' + authSecret());
`,
);

/** Runs the script in `shop` as its working directory (where ./.data lives), without a secret in the environment. */
function startIn(shop: string, args: string[] = [], env: Record<string, string> = {}) {
  const clean = { ...process.env, AUTH_SECRET: '', NEXTAUTH_SECRET: '', ...env };
  return run(tsx, [script, ...args], { cwd: shop, env: clean });
}

it('eight first starts at once all end up with the same generated secret, written in full', async () => {
  const shop = path.join(directory, 'racing');
  mkdirSync(shop);
  const outputs = await Promise.all(Array.from({ length: 8 }, () => startIn(shop)));
  const secrets = outputs.map(({ stdout }) => /SECRET=(\S+)/.exec(stdout)?.[1]);
  expect(new Set(secrets).size).toBe(1);
  expect(secrets[0]!.length).toBeGreaterThanOrEqual(32);
  expect(readFileSync(path.join(shop, '.data', 'auth-secret'), 'utf8').trim()).toBe(secrets[0]);
  expect(statSync(path.join(shop, '.data', 'auth-secret')).mode & 0o777).toBe(0o600);
  expect(readdirSync(path.join(shop, '.data'))).toEqual(['auth-secret']); // no temporary files left behind
}, 120_000);

it('is read once per process: a file changed underneath does not change the running secret', async () => {
  const shop = path.join(directory, 'once');
  mkdirSync(shop);
  const { stdout } = await startIn(shop, ['change-file']);
  const [, first, again] = /SECRET=(\S+) AGAIN=(\S+)/.exec(stdout)!;
  expect(again).toBe(first);
}, 60_000);

it('a secret shorter than 32 characters stops the start with a clear message, from the file or the environment', async () => {
  const shop = path.join(directory, 'short');
  mkdirSync(path.join(shop, '.data'), { recursive: true });
  writeFileSync(path.join(shop, '.data', 'auth-secret'), 'too-short\n');
  await expect(startIn(shop)).rejects.toMatchObject({
    stderr: expect.stringMatching(/auth secret in .*auth-secret is 9 characters long; it must be at least 32/),
  });
  await expect(startIn(shop, [], { AUTH_SECRET: 'short-env-secret' })).rejects.toMatchObject({
    stderr: expect.stringContaining('AUTH_SECRET: must be at least 32 characters'),
  });
}, 60_000);
