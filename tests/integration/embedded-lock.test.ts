// A second process opening the same embedded database directory gets a clear error instead of corrupting it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { EmbeddedDatabaseBusyError, lockEmbeddedDirectory } from '@/db/platform/embedded-lock';

const run = promisify(execFile);
const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function freshDirectory(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'workshop-lock-'));
  directories.push(directory);
  return directory;
}

it('refuses a second opener while the first process holds the directory', async () => {
  const directory = freshDirectory();
  const release = lockEmbeddedDirectory(directory);
  try {
    const attempt = await run('npx', ['tsx', 'db/cli/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: directory },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(attempt.code).not.toBe(0);
    expect(attempt.stderr).toContain(`already open in process ${process.pid}`);
  } finally {
    release();
  }
  // Released: the same command now migrates the directory.
  const { stdout } = await run('npx', ['tsx', 'db/cli/migrate.ts'], {
    env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: directory },
  });
  expect(stdout).toContain('Migrations applied');
}, 120_000);

it('takes over a lock left behind by a process that is gone', () => {
  const directory = freshDirectory();
  writeFileSync(path.join(directory, '.workshop.lock'), '999999999');
  const release = lockEmbeddedDirectory(directory);
  release();
});

it('names the holder in the error', () => {
  const directory = freshDirectory();
  writeFileSync(path.join(directory, '.workshop.lock'), String(process.ppid));
  expect(() => lockEmbeddedDirectory(directory)).toThrow(EmbeddedDatabaseBusyError);
});
