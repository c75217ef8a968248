// npm run bench -- [--duration 3] [--connections 1,8] [--port 3120] [--only <regex>] [--no-writes] [--rebuild] [--heap <MB>]
//                  [--before <dist folder>] [--dist <dist folder>] [--no-sql-floor] [--profile]
//
// Starts a production build (next build into .next-bench when needed, next start) on the benchmark database
// in DATABASE_URL, and measures with autocannon every read (pages as the bench admin or the busy mechanic
// with a next-auth session cookie, API with a bearer token) next to its floors: the same SQL replayed through
// pg by a bare node:http server (tests/bench/floor-server.ts), static routes (Next: a built static file; Node: a
// constant), and Next's own floor (tests/bench/next-floor: a page and a route handler with nothing of ours, measured at
// the start and again at the end). Then the writes through the API. Prints one table, writes
// tests/bench/results/<time>.json, and says pass/fail against the targets (tests/bench/report.ts, README.md).
// --before <dist folder>: an earlier production build of the app (e.g. `NEXT_DIST_DIR=.next-bench-before npx next
// build` at that commit) started beside this one and measured right after it at every level, so that before and
// after are paired in one run. Routes that are not built yet are reported as "missing".
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
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
import {
  fmt,
  judge,
  NEXT_PAGE,
  NEXT_ROUTE,
  printTable,
  printVerdicts,
  TARGETS,
  type Measurement,
  type Payload,
  type Row,
  type Side,
} from './report';
import { reads, writeNames, type DataKey, type Fixtures, type WriteName } from './routes';

const root = path.resolve(import.meta.dirname, '../..');
// The app's production build (--dist to measure another, e.g. one built with NEXT_SERVER_MINIFY=0 for profiles).
let distDir = '.next-bench';
// A Next.js app with nothing of ours in it: what the framework alone costs per page and per route handler here.
const nextFloorDir = 'tests/bench/next-floor';

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
  before: string | null;
  sqlFloor: boolean;
};

function parseArgs(argv: string[]): Args {
  const args: Args = {
    duration: 3,
    connections: [1, 8],
    port: 3120,
    only: null,
    writes: true,
    rebuild: false,
    heap: 160,
    semi: 8,
    profile: false,
    before: null,
    sqlFloor: true,
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
    else if (flag === '--before') args.before = argv[++index] ?? null;
    else if (flag === '--no-sql-floor') args.sqlFloor = false;
    else if (flag === '--dist') distDir = argv[++index] ?? distDir;
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
  if (args.connections.some((n) => !Number.isInteger(n) || n < 1 || n > 256)) fail('--connections like 1,8');
  if (args.before !== null && !existsSync(path.join(root, args.before, 'BUILD_ID')))
    fail(`--before ${args.before}: no production build there (build it at the earlier commit with NEXT_DIST_DIR)`);
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

  // --before: an earlier build of the app, started beside this one on the same database and measured right next
  // to it at every level (alternating which goes first), so that before and after share the machine's mood.
  const beforePort = args.before ? await freePort(nextFloorPort + 1) : null;
  const beforeBase = beforePort ? `http://127.0.0.1:${beforePort}` : null;
  console.log(
    `  starting next start on ${port}${beforePort ? ` (and ${args.before} on ${beforePort})` : ''}, the floor server on ${floorPort} and the framework floor on ${nextFloorPort}`,
  );
  // --heap caps V8's old space of next start only (the build needs more; the floor server is not the subject).
  // The defaults, 160 MB of old space and 8 MB semi-spaces, are what `npm start` and the Docker image use;
  // `--heap none` leaves V8 to size both.
  const heapOption = [
    ...(args.heap === null ? [] : [`--max-old-space-size=${args.heap}`]),
    ...(args.semi === null ? [] : [`--max-semi-space-size=${args.semi}`]),
  ];
  if (heapOption.length > 0) console.log(`  next start with ${heapOption.join(' ')}`);
  // --profile writes a V8 CPU profile of next start (on its exit): tests/bench/profile-summary.ts sums it.
  const profileDir = path.join(resultsDir, `profile-${stamp}`);
  const profileOption = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  if (args.profile) console.log(`  next start with a CPU profile into ${path.relative(root, profileDir)}`);
  const nextStart = (portNumber: number) => ['node_modules/next/dist/bin/next', 'start', '-p', String(portNumber)];
  const app = start(
    process.execPath,
    [...heapOption, ...profileOption, ...nextStart(port), '-H', '127.0.0.1'],
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
  // Started once the app has applied any migration, so that the two never race for it.
  const beforeApp =
    args.before && beforePort
      ? start(
          process.execPath,
          [...heapOption, ...nextStart(beforePort), '-H', '127.0.0.1'],
          { ...appEnv, NEXT_DIST_DIR: args.before, NEXTAUTH_URL: beforeBase! },
          path.join(resultsDir, `next-before-${stamp}.log`),
        )
      : null;
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
  if (beforeApp) await waitFor(`${beforeBase}/api/health`, 90, beforeApp);
  serverPids.set(base, app.pid!);
  serverPids.set(floorBase, floor.pid!);
  serverPids.set(nextFloorBase, nextFloor.pid!);
  if (beforeApp) serverPids.set(beforeBase!, beforeApp.pid!);
  const servers: { side: Side; base: string; pid: number }[] = [
    { side: 'app', base, pid: app.pid! },
    ...(beforeApp ? [{ side: 'before' as const, base: beforeBase!, pid: beforeApp.pid! }] : []),
  ];
  const sides = servers.map((server) => server.side);
  const peakRss: Partial<Record<Side, number>> = {};
  const peakHwm: Partial<Record<Side, number>> = {};
  const sample = () => {
    for (const server of servers) {
      const memory = memoryOfTree(server.pid);
      peakRss[server.side] = Math.max(peakRss[server.side] ?? 0, memory.rssMb);
      peakHwm[server.side] = Math.max(peakHwm[server.side] ?? 0, memory.hwmMb);
    }
  };
  const sampler = setInterval(sample, 250);

  const adminCookie = await sessionCookie(base, benchAdminEmail(), BENCH_PASSWORDS.admin);
  const mechanicCookie = await sessionCookie(base, benchWorkerEmail(BUSY_MECHANIC), BENCH_PASSWORDS.worker);
  const token = async () => bearerToken(base, benchAdminEmail(), BENCH_PASSWORDS.admin);
  // An API read "as the busy mechanic" is sent with the mechanic's own token (a worker sees only their jobs).
  const tokenFor = async (as: 'admin' | 'mechanic') =>
    as === 'admin' ? token() : bearerToken(base, benchWorkerEmail(BUSY_MECHANIC), BENCH_PASSWORDS.worker);
  const adminToken = await token();
  console.log(
    `  signed in (session cookies${adminToken ? ' and an API token' : '; POST /api/v1/auth/token is not built yet'})`,
  );

  const rows: Row[] = [];
  const level = (row: Row, connections: number) => (row.byConnections[connections] ??= {});
  const selected = (name: string) => !args.only || args.only.test(name);

  // ---- floors that do not depend on a read: static file through Next, constant through node:http, and Next's
  // own cost of a page and of a route handler that render a constant on every request (tests/bench/next-floor),
  // the latter two again at the end of the run (the CPU targets divide by the mean of both)
  const staticFile = findStaticAsset();
  const floorRow = (name: string, pathname: string, measured = true): Row => ({
    group: 'floor',
    name,
    kind: 'floor',
    path: pathname,
    state: measured ? 'measured' : 'missing',
    byConnections: {},
  });
  const floors: Row[] = [
    floorRow('static: Next static file', staticFile ?? '(none)', staticFile !== null),
    floorRow('static: node:http constant', '/static'),
    floorRow(NEXT_PAGE, '/page'),
    floorRow(NEXT_ROUTE, '/api/constant'),
  ];
  rows.push(...floors);
  const get = (pathname: string) => () => ({ method: 'GET', path: pathname });
  const measureFramework = async (slot: 'app' | 'end', connections: number) => {
    level(floors[2]!, connections)[slot] = await measure(nextFloorBase, connections, args.duration, {}, get('/page'));
    level(floors[3]!, connections)[slot] = await measure(
      nextFloorBase,
      connections,
      args.duration,
      {},
      get('/api/constant'),
    );
  };
  for (const connections of args.connections) {
    if (staticFile)
      level(floors[0]!, connections).app = await measure(base, connections, args.duration, {}, get(staticFile));
    level(floors[1]!, connections).app = await measure(floorBase, connections, args.duration, {}, get('/static'));
    await measure(nextFloorBase, Math.min(connections, 8), 1, {}, get('/page')); // warm-up
    await measureFramework('app', connections);
  }

  // ---- reads
  const floorDone = new Map<DataKey, Record<number, Measurement>>();
  let turn = 0;
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
    const bearer = read.kind === 'api' && read.as !== 'customer' ? await tokenFor(read.as) : null;
    const headers: Record<string, string> =
      read.as === 'customer'
        ? {}
        : read.kind === 'api'
          ? { authorization: `Bearer ${bearer}` }
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
    const here = [];
    for (const server of servers) {
      if (server.side === 'before') {
        const beforeCheck = await probe(server.base, request(), headers);
        if (beforeCheck.status >= 300) {
          row.beforeNote = `before answers ${beforeCheck.status}`;
          continue;
        }
      }
      here.push(server);
      if (read.kind === 'page') (row.payload ??= {})[server.side] = await payloadOf(server.base, request, headers);
    }
    const statements = captured[read.data];
    for (const connections of args.connections) {
      const result = level(row, connections);
      // Alternate which build goes first, so that neither always meets the machine right after the other.
      for (const server of turn++ % 2 === 0 ? here : [...here].reverse()) {
        await measure(server.base, Math.min(connections, 8), 1, headers, request); // warm-up
        result[server.side] = await measure(server.base, connections, args.duration, headers, request);
        await drain(server.base);
      }
      if (args.sqlFloor && Array.isArray(statements)) {
        const known = floorDone.get(read.data) ?? {};
        known[connections] ??= await measure(floorBase, connections, args.duration, {}, get(`/q/${read.data}`));
        floorDone.set(read.data, known);
        result.floor = known[connections];
        result.ratio = result.app!.p50 / Math.max(result.floor!.p50, 0.01);
      }
      const said = (side: Side) => {
        const at = result[side];
        return at
          ? `p50 ${fmt(at.p50)} p95 ${fmt(at.p95)} ${at.rps.toFixed(0)}/s cpu ${at.cpuMs?.toFixed(1) ?? '-'} ms/req`
          : '-';
      };
      console.log(
        `  ${read.name} @${connections}: ${said('app')}${beforeApp ? `; before ${said('before')}` : ''}; floor p50 ${fmt(result.floor?.p50)}`,
      );
    }
    if (!Array.isArray(statements)) row.note = `floor: data layer failed (${statements.error})`;
  }

  // ---- writes through the API
  if (args.writes) {
    const writeRows = await measureWrites(servers, args, adminToken, token, many, selected);
    rows.push(...writeRows);
  }

  // ---- Next's own floor again, after the work
  for (const connections of args.connections) await measureFramework('end', connections);

  clearInterval(sampler);
  sample();
  const appExited = new Promise((resolve) => (app.exitCode !== null ? resolve(null) : app.once('exit', resolve)));
  stopChildren();
  await client.end();
  if (args.profile) await appExited;

  // ---- verdicts, table, JSON
  const top = Math.max(...args.connections);
  const verdicts = judge({ rows, levels: args.connections, rss: peakRss, sides, top });
  printTable(rows, args.connections, sides);
  printVerdicts(verdicts, sides);
  for (const side of sides)
    console.log(
      `${side === 'app' ? 'after ' : 'before'}: peak server RSS ${peakRss[side]?.toFixed(0)} MB (largest VmHWM ${peakHwm[side]?.toFixed(0)} MB)`,
    );

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
          semiMb: args.semi,
          before: args.before,
        },
        fixtures,
        targets: TARGETS,
        memory: { peakRssMb: peakRss, peakHwmMb: peakHwm },
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

/** A page's HTML and its RSC payload (the answer to a client-side navigation: the `RSC: 1` header), uncompressed. */
async function payloadOf(base: string, request: () => Request, headers: Record<string, string>): Promise<Payload> {
  const get = async (extra: Record<string, string>) => {
    const own = request();
    const fetchOnce = (pathname: string) =>
      fetch(`${base}${pathname}`, {
        headers: { ...headers, ...own.headers, ...extra },
        redirect: 'manual',
        signal: AbortSignal.timeout(60_000),
      });
    let response = await fetchOnce(own.path);
    // Next answers an RSC request without its cache-busting `_rsc` parameter with a redirect to the address with it.
    const location = response.headers.get('location');
    if (response.status === 307 && location?.includes('_rsc')) response = await fetchOnce(location);
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, body: Buffer.from(await response.arrayBuffer()) };
  };
  const html = await get({});
  const rsc = await get({ RSC: '1' });
  const notes: string[] = [];
  if (html.status !== 200 || !html.type.includes('text/html')) notes.push(`HTML answered ${html.status} ${html.type}`);
  if (rsc.status !== 200 || !rsc.type.includes('text/x-component'))
    notes.push(`RSC answered ${rsc.status} ${rsc.type}`);
  return {
    htmlBytes: html.body.length,
    rscBytes: rsc.body.length,
    gzipBytes: gzipSync(html.body).length + gzipSync(rsc.body).length,
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
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
  servers: { side: Side; base: string }[],
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
    const base = servers[0]!.base;
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
    let turn = 0;
    levels: for (const connections of args.connections) {
      for (const server of turn++ % 2 === 0 ? servers : [...servers].reverse()) {
        await plan.before?.();
        // Issuing invoices uses up the dataset's completed jobs without one: say so instead of measuring less.
        const limit = plan.limit?.();
        const exhausted = `ran out of rows to write to at ${connections} connections: regenerate the dataset (npm run bench:data)`;
        if (limit !== undefined && limit < 1) {
          row.state = 'error';
          row.note = exhausted;
          console.log(`  write ${name} @${connections}: ${exhausted}`);
          break levels;
        }
        const result = await measure(server.base, connections, args.duration, headers, plan.next, limit);
        if (limit !== undefined && result.requests >= limit) {
          row.state = 'error';
          row.note = exhausted;
          console.log(`  write ${name} @${connections}: ${exhausted}`);
          break levels;
        }
        level(row, connections)[server.side] = result;
        await drain(server.base);
        console.log(
          `  write ${name} @${connections}${server.side === 'before' ? ' (before)' : ''}: ${result.rps.toFixed(0)}/s p95 ${fmt(result.p95)} cpu ${result.cpuMs?.toFixed(1) ?? '-'} ms/req errors ${result.errors + result.non2xx}`,
        );
      }
    }
  }
  return rows;

  function level(row: Row, connections: number) {
    return (row.byConnections[connections] ??= {});
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
