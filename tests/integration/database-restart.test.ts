// Issue 13, item 16: PostgreSQL restarting under load. The test runs a PostgreSQL server of its own (initdb on a
// private temporary directory, a free port, pg_ctl as the postgres user when run as root), keeps writes and reads in
// flight through the data layer while it restarts the server, and then checks: every refusal was "unavailable"
// (503 on the API), never another error; every acknowledged write is stored exactly once and no write is doubled;
// the pool recovers by itself; and with the server stopped the API answers 503 with Retry-After.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { DomainError } from '@/db/core/errors';
import { actorFromClaims } from '@/db/core/actor';
import { customers } from '@/db/schema';

function postgresBin(program: string): string {
  const root = '/usr/lib/postgresql';
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin', program);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`No ${program} under ${root}/*/bin`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const asRoot = userInfo().uid === 0;
const dataRoot = mkdtempSync(path.join(tmpdir(), 'workshop-restart-'));
const dataDir = path.join(dataRoot, 'data');
let port = 0;

/** Runs a PostgreSQL program as the postgres user when we are root (initdb refuses root), else as ourselves. */
function pg(program: string, args: string[]): string {
  const binary = postgresBin(program);
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  return execFileSync(command, commandArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The same, without blocking: requests keep starting while the server is down. */
async function pgInBackground(program: string, args: string[]): Promise<void> {
  const binary = postgresBin(program);
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  await promisify(execFile)(command, commandArgs);
}

const serverOptions = () => `-p ${port} -k ${dataRoot} -c listen_addresses=127.0.0.1 -c fsync=off`;
const pgCtl = (action: string, ...extra: string[]) =>
  pg('pg_ctl', [action, '-D', dataDir, '-w', '-t', '60', '-l', path.join(dataRoot, 'log'), ...extra]);

beforeAll(async () => {
  port = await freePort();
  if (asRoot) {
    chmodSync(dataRoot, 0o700);
    const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const postgresGid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dataRoot, postgresUid, postgresGid);
  }
  pg('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  pgCtl('start', '-o', serverOptions());
  // This file's database handle is the private server (vitest runs each file in a process of its own).
  await closeDb();
  process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  process.env.DATABASE_POOL_SIZE = '6';
  await getDb();
}, 120_000);

afterAll(async () => {
  await closeDb();
  try {
    pgCtl('stop', '-m', 'immediate');
  } catch {
    // already stopped
  }
  rmSync(dataRoot, { recursive: true, force: true });
}, 60_000);

async function makeAdmin() {
  const { hashPassword } = await import('@/db/auth/passwords');
  const { users } = await import('@/db/schema');
  const db = await getDb();
  const [admin] = await db
    .insert(users)
    .values({
      email: `admin-${randomUUID()}@test.example`,
      name: 'Restart admin',
      role: 'admin',
      passwordHash: await hashPassword('x-password-123'),
    })
    .returning({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      sessionVersion: users.sessionVersion,
    });
  return admin!;
}

type Outcome = { name: string; acknowledged: boolean; error?: unknown };

describe('PostgreSQL restarting under load', () => {
  it('costs a moment: refusals are "unavailable", every acknowledged write is stored exactly once, and it recovers', async () => {
    const { createCustomer, listCustomers } = await import('@/db/customers');
    const admin = await makeAdmin();
    const run = randomUUID().slice(0, 8);
    const outcomes: Outcome[] = [];
    const readErrors: unknown[] = [];
    let reads = 0;
    let stop = false;
    let acknowledgedAfterRestart = 0;
    let restarted = false;

    const writer = async (lane: number) => {
      for (let index = 0; !stop; index++) {
        const name = `Restart ${run} ${lane}-${index}`;
        try {
          await createCustomer(admin, { name });
          outcomes.push({ name, acknowledged: true });
          if (restarted) acknowledgedAfterRestart++;
        } catch (error) {
          outcomes.push({ name, acknowledged: false, error });
        }
      }
    };
    const reader = async () => {
      while (!stop) {
        try {
          await listCustomers(admin, { q: run, limit: 5 });
          // The session re-check every page and API call makes.
          await actorFromClaims({ userId: admin.id, sessionVersion: admin.sessionVersion });
          reads++;
        } catch (error) {
          readErrors.push(error);
        }
      }
    };

    const lanes = [0, 1, 2, 3, 4, 5, 6, 7].map(writer);
    const readers = [reader(), reader()];
    // Let the load settle, then restart the server under it (fast mode: connections are terminated).
    while (outcomes.filter((outcome) => outcome.acknowledged).length < 40) await new Promise((r) => setTimeout(r, 20));
    await pgInBackground('pg_ctl', [
      'restart',
      '-D',
      dataDir,
      '-w',
      '-t',
      '60',
      '-l',
      path.join(dataRoot, 'log'),
      '-m',
      'fast',
      '-o',
      serverOptions(),
    ]);
    restarted = true;
    // The pool must recover without a restart of ours: writes go through again.
    while (acknowledgedAfterRestart < 40) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await Promise.all([...lanes, ...readers]);

    const failures = outcomes.filter((outcome) => !outcome.acknowledged);
    for (const failure of [...failures.map((outcome) => outcome.error), ...readErrors]) {
      expect(failure, String(failure)).toBeInstanceOf(DomainError);
      expect((failure as DomainError).kind).toBe('unavailable');
    }
    expect(reads).toBeGreaterThan(0);

    const db = await getDb();
    const names = outcomes.map((outcome) => outcome.name);
    const stored = await db
      .select({ name: customers.name, count: sql<number>`count(*)::int` })
      .from(customers)
      .where(inArray(customers.name, names))
      .groupBy(customers.name);
    const counts = new Map(stored.map((row) => [row.name, row.count]));
    for (const outcome of outcomes) {
      if (outcome.acknowledged) expect(counts.get(outcome.name), `${outcome.name} acknowledged`).toBe(1);
      else expect(counts.get(outcome.name) ?? 0, `${outcome.name} refused`).toBeLessThanOrEqual(1);
    }
  }, 180_000);

  it('with the server down the API answers 503 with Retry-After, sign-in says only our words, and both answer again once it is back', async () => {
    const customersRoute = await import('@/app/api/v1/customers/route');
    const { callRoute } = await import('./api-support');
    const { issueToken } = await import('@/db/auth/tokens');
    const admin = await makeAdmin();
    const { accessToken } = await issueToken({ email: admin.email, password: 'x-password-123' });
    pgCtl('stop', '-m', 'fast');
    try {
      const down = await callRoute(customersRoute, 'GET', '/api/v1/customers', { token: accessToken });
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(down.headers.get('content-type')).toContain('application/problem+json');
      const write = await callRoute(customersRoute, 'POST', '/api/v1/customers', {
        token: accessToken,
        json: { name: 'Written while down' },
      });
      expect(write.status).toBe(503);
      // Signing in on the screen: next-auth puts a thrown message in the error URL; it is only our fixed one.
      const { authOptions, SIGN_IN_UNAVAILABLE } = await import('@/app/_lib/auth');
      const credentials = authOptions.providers[0] as unknown as {
        options: { authorize: (credentials: Record<string, string>) => Promise<unknown> };
      };
      const signIn = await credentials.options
        .authorize({ email: admin.email, password: 'x-password-123' })
        .catch((error: Error) => error);
      expect(signIn).toBeInstanceOf(Error);
      expect((signIn as Error).message).toBe(SIGN_IN_UNAVAILABLE);
    } finally {
      pgCtl('start', '-o', serverOptions());
    }
    const up = await callRoute(customersRoute, 'GET', '/api/v1/customers', { token: accessToken });
    expect(up.status).toBe(200);
  }, 120_000);
});
