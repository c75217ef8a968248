// npm run bench -- [--duration 3] [--connections 1,8,32] [--port 3120] [--only <regex>] [--no-writes] [--rebuild] [--heap <MB>]
//
// Starts a production build (next build into .next-bench when needed, next start) on the benchmark database
// in DATABASE_URL, and measures with autocannon every read (pages as the bench admin or the busy mechanic
// with a next-auth session cookie, API with a bearer token) next to its floors: the same SQL replayed through
// pg by a bare node:http server (tests/bench/floor-server.ts), static routes (Next: a built static file; Node: a
// constant), and Next's own floor (tests/bench/next-floor: a page and a route handler with nothing of ours). Then the writes through the API. Prints one table, writes tests/bench/results/<time>.json, and says
// pass/fail against the targets in tests/bench/README.md. Routes that are not built yet are reported as "missing".
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  BENCH_PASSWORDS,
  benchAdminEmail,
  benchWorkerEmail,
  BUSY_MECHANIC,
  FIFTY_NOTES_MARKER,
  SHOP_NAME,
} from './dataset';
import { benchApprovalToken } from './estimates-dataset';
import { reads, writeNames, type DataKey, type Fixtures, type WriteName } from './routes';

const root = path.resolve(import.meta.dirname, '../..');
const distDir = '.next-bench';
// A Next.js app with nothing of ours in it: what the framework alone costs per page and per route handler here.
const nextFloorDir = 'tests/bench/next-floor';
const TARGETS = { readP95: 50, searchP95: 30, apiRatio: 3, pageRatio: 5, writesPerSecond: 300, rssMb: 300 };

type Args = {
  duration: number;
  connections: number[];
  port: number;
  only: RegExp | null;
  writes: boolean;
  rebuild: boolean;
  heap: number | null;
  semi: number | null;
  profile: boolean;
};

function parseArgs(argv: string[]): Args {
  const args: Args = {
    duration: 3,
    connections: [1, 8, 32],
    port: 3120,
    only: null,
    writes: true,
    rebuild: false,
    heap: 160,
    semi: 8,
    profile: false,
  };
  let semiGiven = false;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    if (flag === '--duration') args.duration = Number(argv[++index]);
    else if (flag === '--connections') args.connections = (argv[++index] ?? '').split(',').map(Number);
    else if (flag === '--port') args.port = Number(argv[++index]);
    else if (flag === '--only') args.only = new RegExp(argv[++index] ?? '', 'i');
    else if (flag === '--no-writes') args.writes = false;
    else if (flag === '--rebuild') args.rebuild = true;
    else if (flag === '--heap') {
      const value = argv[++index];
      args.heap = value === 'none' ? null : Number(value);
      if (value === 'none' && !semiGiven) args.semi = null; // V8's own sizing, young generation included
    } else if (flag === '--profile') args.profile = true;
    else if (flag === '--semi') {
      args.semi = Number(argv[++index]);
      semiGiven = true;
    } else fail(`unknown argument ${flag}`);
  }
  if (!(args.duration > 0 && args.duration <= 120)) fail('--duration is seconds, 1 to 120');
  if (args.heap !== null && !(Number.isInteger(args.heap) && args.heap >= 64))
    fail('--heap is megabytes of V8 old space for next start, 64 or more, or none');
  if (args.semi !== null && !(Number.isInteger(args.semi) && args.semi >= 1 && args.semi <= 64))
    fail('--semi is megabytes of V8 semi-space for next start, 1 to 64');
  if (args.connections.some((n) => !Number.isInteger(n) || n < 1 || n > 256)) fail('--connections like 1,8,32');
  return args;
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(1);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------------------------------ processes
const children: ChildProcess[] = [];

function start(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.on('exit', () => writeFileSync(logFile, chunks.join('')));
  children.push(child);
  return child;
}

function stopChildren() {
  for (const child of children) {
    if (child.exitCode === null && child.pid) {
      try {
        child.kill('SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 10; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer().once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  fail(`no free port in ${preferred}-${preferred + 9}`);
}

async function waitFor(url: string, seconds: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      fail(`${url}: the server exited (code ${child.exitCode}); see tests/bench/results/*.log`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await sleep(300);
  }
  fail(`${url} did not answer within ${seconds} s`);
}

/** Sum of VmRSS over a process and its descendants, and the largest VmHWM among them (MB). */
function processTree(pid: number): Set<number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), parent);
    } catch {
      // gone
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, parent] of parents) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  return tree;
}

function memoryOfTree(pid: number): { rssMb: number; hwmMb: number } {
  const tree = processTree(pid);
  let rss = 0;
  let hwm = 0;
  for (const member of tree) {
    try {
      const status = readFileSync(`/proc/${member}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      hwm = Math.max(hwm, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // gone
    }
  }
  return { rssMb: rss / 1024, hwmMb: hwm / 1024 };
}

// ------------------------------------------------------------------------------------------ build
/** The newest modification time among these files and the files below these folders (build output skipped). */
function newestFileTime(paths: string[]): number {
  let newest = 0;
  const visit = (full: string) => {
    if (!existsSync(full)) return;
    const stats = statSync(full);
    if (!stats.isDirectory()) {
      newest = Math.max(newest, stats.mtimeMs);
      return;
    }
    for (const entry of readdirSync(full)) if (entry !== '.next') visit(path.join(full, entry));
  };
  for (const item of paths) visit(path.join(root, item));
  return newest;
}

function newestSourceTime(): number {
  return newestFileTime([
    'app',
    'components',
    'db',
    'auth.ts',
    'proxy.ts',
    'next.config.ts',
    'instrumentation.ts',
    'package.json',
  ]);
}

function buildIfNeeded(rebuild: boolean, env: NodeJS.ProcessEnv) {
  const buildId = path.join(root, distDir, 'BUILD_ID');
  if (!rebuild && existsSync(buildId) && statSync(buildId).mtimeMs > newestSourceTime()) {
    console.log(`  reusing the production build in ${distDir} (newer than every source file)`);
    return;
  }
  console.log(`  next build → ${distDir} (about a minute)`);
  const tsconfig = path.join(root, 'tsconfig.json');
  const tsconfigBefore = readFileSync(tsconfig, 'utf8');
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  // next build adds its dist folder's type paths to tsconfig.json; keep that shared file as it was.
  const tsconfigAfter = readFileSync(tsconfig, 'utf8');
  if (
    tsconfigAfter !== tsconfigBefore &&
    tsconfigAfter.includes(`${distDir}/`) &&
    !tsconfigBefore.includes(`${distDir}/`)
  ) {
    writeFileSync(
      tsconfig,
      tsconfigAfter.replace(new RegExp(`\\s*"\\${distDir}/[^"]*",?`, 'g'), '').replace(/,(\s*)\]/g, '$1]'),
    );
  }
  if (result.status !== 0) fail('next build failed (see above); nothing measured');
}

// The framework floor is built with webpack: Turbopack refuses a project whose packages sit in a parent folder.
function buildNextFloorIfNeeded(rebuild: boolean, env: NodeJS.ProcessEnv) {
  const buildId = path.join(root, nextFloorDir, '.next', 'BUILD_ID');
  if (!rebuild && existsSync(buildId) && statSync(buildId).mtimeMs > newestFileTime([nextFloorDir, 'package.json']))
    return;
  console.log(`  next build → ${nextFloorDir}/.next (the framework floor)`);
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build', '--webpack', nextFloorDir], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) fail('next build of the framework floor failed (see above); nothing measured');
}

// ------------------------------------------------------------------------------------------ auth
async function sessionCookie(base: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = pair!.split('=');
      jar.set(name!.trim(), rest.join('='));
    }
  };
  keep(csrfResponse);
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: base }).toString(),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes('session-token'))) {
    fail(`signing in as ${email} gave no session cookie (status ${response.status})`);
  }
  return cookieHeader();
}

async function bearerToken(base: string, email: string, password: string): Promise<string | null> {
  const response = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) return null;
  const body = (await response.json()) as { access_token?: string; accessToken?: string };
  return body.access_token ?? body.accessToken ?? null;
}

// ------------------------------------------------------------------------------------------ measuring
/** cpuMs: CPU time (user + system) the server's process tree spent per answered request during the level. */
type Measurement = {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  cpuMs?: number;
};

// The process behind each server measured, by base URL: CPU per request is read from /proc around each level.
// It moves much less than req/s when the machine's speed does, and it bounds what one core can serve (1000 / ms).
const serverPids = new Map<string, number>();

function cpuTicksOfTree(pid: number): number {
  let ticks = 0;
  for (const member of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone
    }
  }
  return ticks;
}
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
type Request = { method: string; path: string; body?: string; headers?: Record<string, string> };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function measure(
  base: string,
  connections: number,
  duration: number,
  headers: Record<string, string>,
  next: () => Request,
  maxRequests?: number,
): Promise<Measurement> {
  const pid = serverPids.get(base);
  const ticksBefore = pid === undefined ? 0 : cpuTicksOfTree(pid);
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: base,
        connections,
        duration,
        timeout: 30,
        headers,
        ...(maxRequests !== undefined ? { maxOverallRequests: maxRequests } : {}),
        requests: [
          {
            setupRequest: (request) => {
              const own = next();
              return { ...request, ...own, headers: { ...headers, ...own.headers } };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          rps: latencies.length / (result.duration || duration),
          requests: latencies.length,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          ...(pid !== undefined && latencies.length > 0
            ? { cpuMs: ((cpuTicksOfTree(pid) - ticksBefore) * 1000) / ticksPerSecond / latencies.length }
            : {}),
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      latencies.push(responseTime),
    );
  });
}

async function probe(
  base: string,
  request: Request,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: { ...headers, ...request.headers, ...(request.body ? { 'content-type': 'application/json' } : {}) },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    return { status: response.status, text: (await response.text()).slice(0, 300) };
  } catch (error) {
    return { status: 599, text: `no answer: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The n-th customer's address (documentation range 10.x): each of the benchmark's customers asks once. */
function customerAddress(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** After a load run the server may still work off queued requests: wait (bounded) until it answers again. */
async function drain(base: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // still busy
    }
    await sleep(500);
  }
}

type Row = {
  group: 'read' | 'write' | 'floor';
  name: string;
  kind: 'page' | 'api' | 'write' | 'floor';
  path: string;
  state: 'measured' | 'missing' | 'error';
  note?: string;
  search?: boolean;
  data?: DataKey;
  byConnections: Record<number, { app?: Measurement; floor?: Measurement; ratio?: number }>;
};

// ------------------------------------------------------------------------------------------ main
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url)
    fail(
      'DATABASE_URL is not set: point it at the benchmark database filled by `npm run bench:data` (see tests/bench/README.md).',
    );
  const resultsDir = path.join(root, 'tests', 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const one = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await client.query(text, params)).rows[0] as T | undefined;
  const many = async (text: string, params: unknown[] = []) =>
    (await client.query(text, params)).rows.map((row: { id: string }) => row.id);

  const settings = await one<{ shop_name: string; address: string | null }>(
    `select shop_name, address from shop_settings`,
  ).catch(() => undefined);
  if (settings?.shop_name !== SHOP_NAME)
    fail('this database holds no benchmark dataset: run `npm run bench:data -- --scale 0.1` first.');
  console.log(`bench → ${url.replace(/\/\/[^@]*@/, '//…@')} (${settings.address ?? ''})`);
  const counts = await one<
    Record<string, string>
  >(`select (select count(*) from jobs) jobs, (select count(*) from job_notes) notes,
    (select count(*) from customers) customers, (select count(*) from invoices) invoices`);

  // ---- fixtures
  const admin = await one<{ id: string }>(`select id from users where email = $1`, [benchAdminEmail()]);
  const mechanic = await one<{ id: string }>(`select id from users where email = $1`, [
    benchWorkerEmail(BUSY_MECHANIC),
  ]);
  const person = await one<{ name: string; phone: string; plate: string; vin: string }>(`
    select c.name, c.phone, v.plate, v.vin from customers c join vehicles v on v.customer_id = c.id
    where c.kind = 'individual' and c.archived_at is null and v.archived_at is null and v.vin is not null and v.plate is not null and c.phone is not null
      and c.name ~ '[A-Za-z'']{4,}$'
    order by c.id limit 1`);
  const busiestVehicle = await one<{ id: string }>(
    `select vehicle_id as id from jobs group by vehicle_id order by count(*) desc, vehicle_id limit 1`,
  );
  const fleet = await one<{ id: string }>(
    `select customer_id as id from vehicles group by customer_id order by count(*) desc, customer_id limit 1`,
  );
  const fifty = await one<{ id: string }>(`select id from jobs where description = $1`, [FIFTY_NOTES_MARKER]);
  if (!admin || !mechanic || !person || !busiestVehicle || !fleet || !fifty)
    fail('the benchmark dataset is incomplete: run bench:data again with --reset');
  const lastName = person.name.split(' ').at(-1)!;
  const fixtures: Fixtures = {
    adminId: admin.id,
    mechanicId: mechanic.id,
    nameFragment: lastName.slice(0, 4).toLowerCase(),
    shortFragment: lastName.slice(0, 2).toLowerCase(),
    phoneFragment: person.phone.replace(/\D/g, '').slice(-5),
    plate: person.plate,
    vinFragment: person.vin.slice(-6),
    customerId: fleet.id,
    vehicleId: busiestVehicle.id,
    fiftyNotesJobId: fifty.id,
    approvalToken: benchApprovalToken(fifty.id),
  };
  console.log(`  fixtures: ${JSON.stringify(fixtures)}`);

  // ---- build, capture the data layer's SQL, start the app and the floor server
  const authSecret = `bench-${randomBytes(24).toString('hex')}`;
  const port = await freePort(args.port);
  const floorPort = await freePort(port + 1);
  const nextFloorPort = await freePort(floorPort + 1);
  const base = `http://127.0.0.1:${port}`;
  const floorBase = `http://127.0.0.1:${floorPort}`;
  const nextFloorBase = `http://127.0.0.1:${nextFloorPort}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: authSecret,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    SEED_DEMO_DATA: 'never',
    // The customer's reads come from an address each (X-Forwarded-For), past the public pages' 20 a minute.
    TRUST_PROXY: 'true',
  };
  buildIfNeeded(args.rebuild, appEnv);
  const nextFloorEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  buildNextFloorIfNeeded(args.rebuild, nextFloorEnv);

  const fixturesFile = path.join(resultsDir, `fixtures-${stamp}.json`);
  const sqlFile = path.join(resultsDir, `sql-${stamp}.json`);
  writeFileSync(fixturesFile, JSON.stringify(fixtures));
  console.log('  capturing the SQL each read sends (data layer, tests/bench/scenarios.ts)');
  const capture = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'tests/bench/capture-sql.ts', fixturesFile, sqlFile],
    {
      cwd: root,
      env: { ...appEnv, NODE_ENV: 'production' },
      encoding: 'utf8',
    },
  );
  if (capture.status !== 0) fail(`capturing the SQL failed:\n${capture.stderr}`);
  const captured = JSON.parse(readFileSync(sqlFile, 'utf8')) as Record<DataKey, { sql: string }[] | { error: string }>;

  console.log(
    `  starting next start on ${port}, the floor server on ${floorPort} and the framework floor on ${nextFloorPort}`,
  );
  // --heap caps V8's old space of next start only (the build needs more; the floor server is not the subject).
  // The defaults, 160 MB of old space and 8 MB semi-spaces, are what `npm start` and the Docker image use;
  // `--heap none` leaves V8 to size both.
  const heapOption = [
    ...(args.heap === null ? [] : [`--max-old-space-size=${args.heap}`]),
    ...(args.semi === null ? [] : [`--max-semi-space-size=${args.semi}`]),
  ];
  if (heapOption.length > 0) console.log(`  next start with ${heapOption.join(' ')}`);
  // --profile writes a V8 CPU profile of next start (on its exit) for `npm run bench:profile`.
  const profileDir = path.join(resultsDir, `profile-${stamp}`);
  const profileOption = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  if (args.profile) console.log(`  next start with a CPU profile into ${path.relative(root, profileDir)}`);
  const app = start(
    process.execPath,
    [
      ...heapOption,
      ...profileOption,
      'node_modules/next/dist/bin/next',
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    appEnv,
    path.join(resultsDir, `next-${stamp}.log`),
  );
  const floor = start(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/floor-server.ts', String(floorPort), sqlFile],
    appEnv,
    path.join(resultsDir, `floor-${stamp}.log`),
  );
  await waitFor(`${base}/api/health`, 90, app);
  // Same flags as the app (heap and semi-spaces), no profile: the framework floor is measured, not studied.
  const nextFloor = start(
    process.execPath,
    [
      ...heapOption,
      'node_modules/next/dist/bin/next',
      'start',
      nextFloorDir,
      '-p',
      String(nextFloorPort),
      '-H',
      '127.0.0.1',
    ],
    nextFloorEnv,
    path.join(resultsDir, `next-floor-${stamp}.log`),
  );
  await waitFor(`${floorBase}/static`, 30, floor);
  await waitFor(`${nextFloorBase}/api/constant`, 30, nextFloor);
  serverPids.set(base, app.pid!);
  serverPids.set(floorBase, floor.pid!);
  serverPids.set(nextFloorBase, nextFloor.pid!);
  let peakRssMb = 0;
  let peakHwmMb = 0;
  const sampler = setInterval(() => {
    const memory = memoryOfTree(app.pid!);
    peakRssMb = Math.max(peakRssMb, memory.rssMb);
    peakHwmMb = Math.max(peakHwmMb, memory.hwmMb);
  }, 250);

  const adminCookie = await sessionCookie(base, benchAdminEmail(), BENCH_PASSWORDS.admin);
  const mechanicCookie = await sessionCookie(base, benchWorkerEmail(BUSY_MECHANIC), BENCH_PASSWORDS.worker);
  const token = async () => bearerToken(base, benchAdminEmail(), BENCH_PASSWORDS.admin);
  let adminToken = await token();
  console.log(
    `  signed in (session cookies${adminToken ? ' and an API token' : '; POST /api/v1/auth/token is not built yet'})`,
  );

  const rows: Row[] = [];
  const level = (row: Row, connections: number) => (row.byConnections[connections] ??= {});
  const selected = (name: string) => !args.only || args.only.test(name);

  // ---- floors that do not depend on a read: static file through Next, constant through node:http, and Next's
  // own cost of a page and of a route handler that render a constant on every request (tests/bench/next-floor)
  const staticFile = findStaticAsset();
  const floors: Row[] = [
    {
      group: 'floor',
      name: 'static: Next static file',
      kind: 'floor',
      path: staticFile ?? '(none)',
      state: staticFile ? 'measured' : 'missing',
      byConnections: {},
    },
    {
      group: 'floor',
      name: 'static: node:http constant',
      kind: 'floor',
      path: '/static',
      state: 'measured',
      byConnections: {},
    },
    {
      group: 'floor',
      name: 'framework: Next page, no data',
      kind: 'floor',
      path: '/page',
      state: 'measured',
      byConnections: {},
    },
    {
      group: 'floor',
      name: 'framework: Next route, no data',
      kind: 'floor',
      path: '/api/constant',
      state: 'measured',
      byConnections: {},
    },
  ];
  rows.push(...floors);
  for (const connections of args.connections) {
    if (staticFile)
      level(floors[0]!, connections).app = await measure(base, connections, args.duration, {}, () => ({
        method: 'GET',
        path: staticFile,
      }));
    level(floors[1]!, connections).app = await measure(floorBase, connections, args.duration, {}, () => ({
      method: 'GET',
      path: '/static',
    }));
    level(floors[2]!, connections).app = await measure(nextFloorBase, connections, args.duration, {}, () => ({
      method: 'GET',
      path: '/page',
    }));
    level(floors[3]!, connections).app = await measure(nextFloorBase, connections, args.duration, {}, () => ({
      method: 'GET',
      path: '/api/constant',
    }));
  }
  // Only one server is loaded at a time; the framework floor has no more work after this.
  nextFloor.kill('SIGTERM');

  // ---- reads
  const floorDone = new Map<DataKey, Record<number, Measurement>>();
  for (const read of reads) {
    if (!selected(read.name)) continue;
    const pathname = read.path(fixtures);
    const row: Row = {
      group: 'read',
      name: read.name,
      kind: read.kind,
      path: pathname,
      state: 'measured',
      search: read.search,
      data: read.data,
      byConnections: {},
    };
    rows.push(row);
    if (read.kind === 'api' && !adminToken) {
      row.state = 'missing';
      row.note = 'no API token (POST /api/v1/auth/token missing)';
      continue;
    }
    if (read.kind === 'api') adminToken = (await token()) ?? adminToken;
    const headers: Record<string, string> =
      read.as === 'customer'
        ? {}
        : read.kind === 'api'
          ? { authorization: `Bearer ${adminToken}` }
          : { cookie: read.as === 'mechanic' ? mechanicCookie : adminCookie };
    let customers = 0;
    const request = (): Request => ({
      method: 'GET',
      path: pathname,
      ...(read.as === 'customer' ? { headers: { 'x-forwarded-for': customerAddress(++customers) } } : {}),
    });
    const check = await probe(base, request(), headers);
    if (check.status === 404 || check.status === 405) {
      row.state = 'missing';
      row.note = `not built yet (${check.status})`;
      console.log(`  ${read.name}: missing (${check.status})`);
      continue;
    }
    if (check.status >= 300) {
      row.state = 'error';
      row.note = `answers ${check.status}: ${check.text.replace(/\s+/g, ' ').slice(0, 120)}`;
      console.log(`  ${read.name}: error ${check.status}`);
      continue;
    }
    const statements = captured[read.data];
    for (const connections of args.connections) {
      await measure(base, Math.min(connections, 8), 1, headers, request); // warm-up
      const result = level(row, connections);
      result.app = await measure(base, connections, args.duration, headers, request);
      if (Array.isArray(statements)) {
        const known = floorDone.get(read.data) ?? {};
        known[connections] ??= await measure(floorBase, connections, args.duration, {}, () => ({
          method: 'GET',
          path: `/q/${read.data}`,
        }));
        floorDone.set(read.data, known);
        result.floor = known[connections];
        result.ratio = result.app.p50 / Math.max(result.floor!.p50, 0.01);
      }
      await drain(base);
      console.log(
        `  ${read.name} @${connections}: p50 ${fmt(result.app.p50)} p95 ${fmt(result.app.p95)} ${result.app.rps.toFixed(0)}/s cpu ${result.app.cpuMs?.toFixed(1) ?? '-'} ms/req; floor p50 ${fmt(result.floor?.p50)}`,
      );
    }
    if (!Array.isArray(statements)) row.note = `floor: data layer failed (${statements.error})`;
  }

  // ---- writes through the API
  if (args.writes) {
    const writeRows = await measureWrites(base, args, adminToken, token, many, selected);
    rows.push(...writeRows);
  }

  clearInterval(sampler);
  const final = memoryOfTree(app.pid!);
  peakRssMb = Math.max(peakRssMb, final.rssMb);
  peakHwmMb = Math.max(peakHwmMb, final.hwmMb);
  const appExited = new Promise((resolve) => (app.exitCode !== null ? resolve(null) : app.once('exit', resolve)));
  stopChildren();
  await client.end();
  if (args.profile) await appExited;

  // ---- verdicts, table, JSON
  // Each target is also judged for Next alone (tests/bench/next-floor: an empty page for a page's target, an empty route
  // handler for an API read's or a write's): a target that Next alone fails on this machine is beyond the
  // framework here, and no app written on it can pass it in this run.
  const top = Math.max(...args.connections);
  const frameworkAt = (name: string) => rows.find((row) => row.name === name)?.byConnections[top]?.app;
  const barePage = frameworkAt('framework: Next page, no data');
  const bareRoute = frameworkAt('framework: Next route, no data');
  type Verdict = { target: string; pass: boolean | null; detail: string; beyondFramework?: boolean };
  const verdicts: Verdict[] = [];
  for (const row of rows.filter((r) => r.group === 'read')) {
    const at = row.byConnections[top];
    if (row.state !== 'measured' || !at?.app) {
      verdicts.push({
        target: `${row.name}`,
        pass: null,
        detail: row.state === 'missing' ? 'missing (not built yet)' : `error: ${row.note ?? ''}`,
      });
      continue;
    }
    const bare = row.kind === 'api' ? bareRoute : barePage;
    const limit = row.search ? TARGETS.searchP95 : TARGETS.readP95;
    const errors = at.app.errors + at.app.non2xx;
    const p95 = at.app.requests === 0 ? `no response within ${args.duration} s` : fmt(at.app.p95);
    verdicts.push({
      target: `${row.name}: p95 ≤ ${limit} ms @${top}`,
      pass: at.app.requests > 0 && at.app.p95 <= limit && errors === 0,
      detail: `${p95}${errors ? `, ${errors} errors` : ''}${bare ? `; Next alone ${fmt(bare.p95)}` : ''}`,
      beyondFramework: bare ? bare.p95 > limit : undefined,
    });
    const ratioLimit = row.kind === 'api' ? TARGETS.apiRatio : TARGETS.pageRatio;
    if (at.ratio !== undefined && Number.isFinite(at.ratio)) {
      const bareRatio = bare && at.floor ? bare.p50 / Math.max(at.floor.p50, 0.01) : undefined;
      verdicts.push({
        target: `${row.name}: app/floor ≤ ${ratioLimit} @${top}`,
        pass: at.ratio <= ratioLimit,
        detail: `${at.ratio.toFixed(1)}${bareRatio !== undefined ? `; Next alone ${bareRatio.toFixed(1)}` : ''}`,
        beyondFramework: bareRatio !== undefined ? bareRatio > ratioLimit : undefined,
      });
    }
  }
  for (const row of rows.filter((r) => r.group === 'write')) {
    const at = row.byConnections[top];
    if (row.state !== 'measured' || !at?.app) {
      verdicts.push({
        target: `write ${row.name}`,
        pass: null,
        detail: row.state === 'missing' ? 'missing (not built yet)' : `error: ${row.note ?? ''}`,
      });
      continue;
    }
    const errors = at.app.errors + at.app.non2xx;
    verdicts.push({
      target: `write ${row.name}: ≥ ${TARGETS.writesPerSecond}/s, 0 errors @${top}`,
      pass: at.app.rps >= TARGETS.writesPerSecond && errors === 0,
      detail: `${at.app.rps.toFixed(0)}/s, ${errors} errors${bareRoute ? `; Next alone ${bareRoute.rps.toFixed(0)}/s` : ''}`,
      beyondFramework: bareRoute ? bareRoute.rps < TARGETS.writesPerSecond : undefined,
    });
  }
  verdicts.push({
    target: `server RSS ≤ ${TARGETS.rssMb} MB`,
    pass: peakRssMb <= TARGETS.rssMb,
    detail: `peak ${peakRssMb.toFixed(0)} MB (tree sum of VmRSS); largest VmHWM ${peakHwmMb.toFixed(0)} MB`,
  });

  printTable(rows, args.connections);
  console.log('\nTargets (FAIL* = Next alone fails it too: beyond the framework on this machine in this run)');
  for (const verdict of verdicts) {
    const mark =
      verdict.pass === null ? 'MISSING' : verdict.pass ? 'pass   ' : verdict.beyondFramework ? 'FAIL*  ' : 'FAIL   ';
    console.log(`  ${mark} ${verdict.target} — ${verdict.detail}`);
  }
  const passed = verdicts.filter((v) => v.pass === true).length;
  const failed = verdicts.filter((v) => v.pass === false).length;
  const beyond = verdicts.filter((v) => v.pass === false && v.beyondFramework).length;
  const missing = verdicts.filter((v) => v.pass === null).length;
  console.log(
    `\n${passed} pass, ${failed} fail (${beyond} of them beyond the framework), ${missing} missing; peak server RSS ${peakRssMb.toFixed(0)} MB`,
  );
  if (barePage && bareRoute) {
    console.log(
      `Next alone @${top}: a page with no data p95 ${fmt(barePage.p95)} (${barePage.rps.toFixed(0)}/s), a route handler with no data ` +
        `p95 ${fmt(bareRoute.p95)} (${bareRoute.rps.toFixed(0)}/s): no read on this framework and machine answers faster than these.`,
    );
  }

  const resultFile = path.join(resultsDir, `bench-${stamp}.json`);
  writeFileSync(
    resultFile,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        dataset: settings.address,
        counts,
        machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
        options: {
          duration: args.duration,
          connections: args.connections,
          poolSize: process.env.DATABASE_POOL_SIZE ?? '10 (default)',
          heapMb: args.heap,
        },
        fixtures,
        targets: TARGETS,
        memory: { peakRssMb, peakHwmMb },
        rows,
        verdicts,
        sql: captured,
      },
      null,
      2,
    ),
  );
  console.log(`results: ${path.relative(root, resultFile)}`);
}

function findStaticAsset(): string | null {
  const chunks = path.join(root, distDir, 'static', 'chunks');
  if (!existsSync(chunks)) return null;
  const file = readdirSync(chunks)
    .filter((name) => name.endsWith('.js'))
    .sort()[0];
  return file ? `/_next/static/chunks/${file}` : null;
}

async function measureWrites(
  base: string,
  args: Args,
  firstToken: string | null,
  token: () => Promise<string | null>,
  many: (text: string, params?: unknown[]) => Promise<string[]>,
  selected: (name: string) => boolean,
): Promise<Row[]> {
  const rows: Row[] = [];
  const vehicles = await many(`select id from vehicles where archived_at is null order by id limit 2000`);
  const openJobs = await many(
    `select id from jobs where status in ('created', 'in_progress', 'waiting_for_parts') and description is distinct from $1 order by number desc limit 2000`,
    [FIFTY_NOTES_MARKER],
  );
  const inProgress = await many(
    `select id from jobs where status in ('in_progress', 'waiting_for_parts') and description is distinct from $1 order by number desc limit 4000`,
    [FIFTY_NOTES_MARKER],
  );
  const toInvoice = await many(
    `select j.id from jobs j where j.status = 'completed' and not exists (select 1 from invoices i where i.job_id = j.id and i.status <> 'void') order by j.number desc limit 50000`,
  );
  const toPay = await many(
    `select id from invoices where status = 'issued' and total_cents - paid_cents >= 10000 order by issued_at desc limit 4000`,
  );
  const stateOf = new Map<string, 'in_progress' | 'waiting_for_parts'>();
  let counter = 0;
  let invoiceIndex = 0;
  const plans: Record<
    WriteName,
    { path: string; next: () => Request; limit?: () => number; before?: () => Promise<void> }
  > = {
    'create job': {
      path: 'POST /api/v1/jobs',
      next: () => ({
        method: 'POST',
        path: '/api/v1/jobs',
        body: JSON.stringify({
          vehicle_id: vehicles[counter++ % vehicles.length],
          title: 'Bench: oil change',
          priority: 'normal',
        }),
      }),
    },
    'add note': {
      path: 'POST /api/v1/jobs/{id}/notes',
      next: () => ({
        method: 'POST',
        path: `/api/v1/jobs/${openJobs[counter++ % openJobs.length]}/notes`,
        body: JSON.stringify({ body: 'Bench note: checked and torqued.' }),
      }),
    },
    'change status': {
      path: 'POST /api/v1/jobs/{id}/status',
      // A request cut off when a level ends may or may not have landed: read where each job really is.
      before: async () => {
        // The server may still be finishing requests the client gave up on: let them land first.
        await sleep(1_000);
        stateOf.clear();
        for (const pair of await many(`select id || ':' || status as id from jobs where id = any($1::uuid[])`, [
          inProgress,
        ])) {
          const [id, status] = pair.split(':') as [string, string];
          if (status === 'in_progress' || status === 'waiting_for_parts') stateOf.set(id, status);
        }
      },
      next: () => {
        const job = inProgress[counter++ % inProgress.length]!;
        const to = (stateOf.get(job) ?? 'in_progress') === 'in_progress' ? 'waiting_for_parts' : 'in_progress';
        stateOf.set(job, to);
        return { method: 'POST', path: `/api/v1/jobs/${job}/status`, body: JSON.stringify({ status: to }) };
      },
    },
    'issue invoice': {
      path: 'POST /api/v1/jobs/{id}/invoice',
      next: () => ({
        method: 'POST',
        path: `/api/v1/jobs/${toInvoice[invoiceIndex++ % toInvoice.length]}/invoice`,
        body: JSON.stringify({
          lines: [
            { kind: 'labor', description: 'Labor: scheduled maintenance', quantity: '1.5', unit_price_cents: 12000 },
            { kind: 'part', description: 'Oil filter', quantity: '1', unit_price_cents: 1200 },
          ],
        }),
      }),
      limit: () => toInvoice.length - invoiceIndex,
    },
    'record payment': {
      path: 'POST /api/v1/invoices/{id}/payments',
      next: () => ({
        method: 'POST',
        path: `/api/v1/invoices/${toPay[counter++ % toPay.length]}/payments`,
        body: JSON.stringify({ amount_cents: 100, method: 'card' }),
      }),
    },
  };
  const pools: Record<WriteName, string[]> = {
    'create job': vehicles,
    'add note': openJobs,
    'change status': inProgress,
    'issue invoice': toInvoice,
    'record payment': toPay,
  };
  for (const name of writeNames) {
    if (!selected(name)) continue;
    const plan = plans[name];
    const row: Row = { group: 'write', name, kind: 'write', path: plan.path, state: 'measured', byConnections: {} };
    rows.push(row);
    if (!firstToken) {
      row.state = 'missing';
      row.note = 'no API token (POST /api/v1/auth/token missing)';
      continue;
    }
    if (pools[name].length === 0) {
      row.state = 'error';
      row.note = 'no rows in the dataset to write to';
      continue;
    }
    const bearer = (await token()) ?? firstToken;
    const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
    await plan.before?.();
    const check = await probe(base, plan.next(), headers);
    if (check.status === 404 || check.status === 405) {
      row.state = 'missing';
      row.note = `not built yet (${check.status})`;
      console.log(`  write ${name}: missing (${check.status})`);
      continue;
    }
    if (check.status >= 300) {
      row.state = 'error';
      row.note = `answers ${check.status}: ${check.text.replace(/\s+/g, ' ').slice(0, 160)}`;
      console.log(`  write ${name}: error ${check.status} ${check.text.slice(0, 160)}`);
      continue;
    }
    for (const connections of args.connections) {
      await plan.before?.();
      // Issuing invoices uses up the dataset's completed jobs without one: say so instead of measuring less.
      const limit = plan.limit?.();
      const exhausted = `ran out of rows to write to at ${connections} connections: regenerate the dataset (npm run bench:data)`;
      if (limit !== undefined && limit < 1) {
        row.state = 'error';
        row.note = exhausted;
        console.log(`  write ${name} @${connections}: ${exhausted}`);
        break;
      }
      const result = await measure(base, connections, args.duration, headers, plan.next, limit);
      if (limit !== undefined && result.requests >= limit) {
        row.state = 'error';
        row.note = exhausted;
        console.log(`  write ${name} @${connections}: ${exhausted}`);
        break;
      }
      level(row, connections).app = result;
      await drain(base);
      console.log(
        `  write ${name} @${connections}: ${result.rps.toFixed(0)}/s p95 ${fmt(result.p95)} cpu ${result.cpuMs?.toFixed(1) ?? '-'} ms/req errors ${result.errors + result.non2xx}`,
      );
    }
  }
  return rows;

  function level(row: Row, connections: number) {
    return (row.byConnections[connections] ??= {});
  }
}

function fmt(ms: number | undefined): string {
  return ms === undefined ? '-' : Number.isNaN(ms) ? 'none' : ms < 10 ? `${ms.toFixed(1)}ms` : `${ms.toFixed(0)}ms`;
}

function printTable(rows: Row[], connectionLevels: number[]) {
  const header = [
    '',
    'conns',
    'p50',
    'p95',
    'p99',
    'req/s',
    'errors',
    'cpu ms/req',
    'floor p50',
    'floor p95',
    'floor req/s',
    'app/floor',
  ];
  const lines: string[][] = [header];
  for (const row of rows) {
    if (row.state !== 'measured') {
      lines.push([
        `${row.name}`,
        '',
        row.state === 'missing' ? 'missing' : 'error',
        row.note ?? '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
      continue;
    }
    for (const connections of connectionLevels) {
      const at = row.byConnections[connections];
      if (!at?.app) continue;
      lines.push([
        connections === connectionLevels[0] ? row.name : '',
        String(connections),
        fmt(at.app.p50),
        fmt(at.app.p95),
        fmt(at.app.p99),
        at.app.rps.toFixed(0),
        String(at.app.errors + at.app.non2xx),
        at.app.cpuMs !== undefined ? at.app.cpuMs.toFixed(1) : '-',
        fmt(at.floor?.p50),
        fmt(at.floor?.p95),
        at.floor ? at.floor.rps.toFixed(0) : '-',
        at.ratio !== undefined ? at.ratio.toFixed(1) : '-',
      ]);
    }
  }
  const widths = header.map((_, column) =>
    Math.max(...lines.map((line) => (column === 3 && line[2] === 'missing' ? 0 : line[column]!.length))),
  );
  console.log('');
  for (const line of lines) {
    if (line[2] === 'missing' || line[2] === 'error') {
      console.log(`${line[0]!.padEnd(widths[0]!)}  ${line[2]}: ${line[3]}`);
      continue;
    }
    console.log(
      line
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    );
  }
}

process.on('SIGINT', () => {
  stopChildren();
  process.exit(130);
});
main().catch((error: unknown) => {
  stopChildren();
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
