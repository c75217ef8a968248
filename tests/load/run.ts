// npm run test:load [-- --users 50 --duration 60 --port 3300 --skip-build]
// N simulated front-desk users and mechanics (plus one admin) run the workshop workflow through the REST API
// against a production build on PostgreSQL (DATABASE_URL), for a bounded time, on 127.0.0.1 only. Reports
// requests, errors by status and p50/p95/p99; passes with zero 5xx and every invariant holding afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { withCheckDigit } from '../../db/vin';

const { values: options } = parseArgs({
  options: {
    users: { type: 'string', default: '50' },
    duration: { type: 'string', default: '60' },
    port: { type: 'string', default: '3300' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const users = Math.max(2, Math.min(500, Number(options.users)));
const durationMs = Math.max(5, Math.min(3_600, Number(options.duration))) * 1000;
const port = Number(options.port);
const base = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    'test:load runs against PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/workshop_load).',
  );
  process.exit(2);
}

// ------------------------------------------------------------------------------------------- server
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function startServer(): Promise<ChildProcess> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    PORT: String(port),
    NEXTAUTH_URL: base,
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'load-test-secret-0123456789abcdef0123456789',
  };
  // A process group of its own, so stopping it also stops the next-server child that npx starts.
  const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
    env: { ...process.env, ...env },
  });
  server.stdout?.on('data', () => {});
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stopServer(server);
  throw new Error('The server did not become healthy within 60 s.');
}

function stopServer(server: ChildProcess): void {
  if (server.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

// ------------------------------------------------------------------------------------------ client
const latencies: number[] = [];
const statuses = new Map<string, number>();
const serverErrors: string[] = [];
let requests = 0;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes, read field by field
type Json = any;

async function api(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const started = performance.now();
  requests += 1;
  let status = 0;
  let json: Json = null;
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    status = response.status;
    const text = await response.text();
    json = text ? JSON.parse(text) : null;
  } catch (error) {
    status = 599;
    json = { detail: (error as Error).message };
  }
  latencies.push(performance.now() - started);
  const key = `${method} ${path.replace(/[0-9a-f-]{36}/g, '{id}').replace(/\?.*$/, '')} ${status}`;
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
  if (status >= 500 && serverErrors.length < 20)
    serverErrors.push(`${method} ${path} → ${status} ${JSON.stringify(json).slice(0, 200)}`);
  return { status, json };
}

async function token(email: string, password: string): Promise<string> {
  const { status, json } = await api(null, 'POST', '/api/v1/auth/token', { email, password });
  if (status !== 200) throw new Error(`Could not get a token for ${email}: ${status} ${JSON.stringify(json)}`);
  return json.access_token as string;
}

const random = (() => {
  let state = 0x2f6b3a1d;
  return () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
})();
const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];

type Created = { customers: Map<string, string>; vehicles: Map<string, string>; jobs: Map<string, string> };
const created: Created = { customers: new Map(), vehicles: new Map(), jobs: new Map() };
const runId = Date.now().toString(36);
let counter = 0;

async function frontDesk(tokenValue: string, deadline: number) {
  while (Date.now() < deadline) {
    const marker = `Load ${runId}-${++counter}`;
    const customer = await api(tokenValue, 'POST', '/api/v1/customers', {
      kind: 'individual',
      name: marker,
      phone: `555-${counter}`,
    });
    if (customer.status !== 201 && customer.status !== 200) continue;
    created.customers.set(customer.json.id, marker);
    const serial = Array.from(
      { length: 14 },
      () => 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'[Math.floor(random() * 33)],
    ).join('');
    const vehicle = await api(tokenValue, 'POST', '/api/v1/vehicles', {
      customer_id: customer.json.id,
      vin: withCheckDigit(`1HG${serial}`),
      plate: `LD-${counter}`,
      make: 'Honda',
      model: 'Civic',
      year: 2019,
      odometer: 40_000,
    });
    if (vehicle.status !== 201 && vehicle.status !== 200) continue;
    created.vehicles.set(vehicle.json.id, marker);
    const job = await api(tokenValue, 'POST', '/api/v1/jobs', {
      vehicle_id: vehicle.json.id,
      title: `Service ${marker}`,
      odometer_in: 40_100,
    });
    if (job.status === 201 || job.status === 200) created.jobs.set(job.json.id, marker);
    await api(tokenValue, 'GET', `/api/v1/customers?q=${encodeURIComponent(marker.slice(0, 12))}`);
  }
}

async function admin(tokenValue: string, mechanicIds: string[], deadline: number) {
  while (Date.now() < deadline) {
    const unassigned = [...created.jobs.keys()].slice(-20);
    const jobId = pick(unassigned);
    if (jobId) await api(tokenValue, 'PUT', `/api/v1/jobs/${jobId}/assignees`, { user_ids: [pick(mechanicIds)] });
    const completed = await api(tokenValue, 'GET', '/api/v1/jobs?status=completed&limit=10');
    for (const job of (completed.json?.data ?? []).slice(0, 2)) {
      const invoice = await api(tokenValue, 'POST', `/api/v1/jobs/${job.id}/invoice`, {
        lines: [
          { kind: 'labor', description: 'Labor', quantity: 1.5, unit_price_cents: 12_000 },
          { kind: 'part', description: 'Filter', quantity: 1, unit_price_cents: 1_999 },
        ],
      });
      if (invoice.status === 201) {
        const total = invoice.json.total_cents as number;
        await api(tokenValue, 'POST', `/api/v1/invoices/${invoice.json.id}/payments`, {
          amount_cents: Math.floor(total / 2),
          method: 'card',
        });
        await api(tokenValue, 'POST', `/api/v1/invoices/${invoice.json.id}/payments`, {
          amount_cents: total,
          method: 'cash',
        }); // over the balance: 409
        await api(tokenValue, 'POST', `/api/v1/invoices/${invoice.json.id}/payments`, {
          amount_cents: total - Math.floor(total / 2),
          method: 'cash',
        });
      }
    }
    await api(tokenValue, 'GET', '/api/v1/invoices?payment_status=unpaid');
  }
}

const nextStatus: Record<string, string | undefined> = {
  created: 'in_progress',
  in_progress: 'waiting_for_parts',
  waiting_for_parts: 'in_progress',
};

async function mechanic(tokenValue: string, deadline: number) {
  while (Date.now() < deadline) {
    const mine = await api(tokenValue, 'GET', '/api/v1/jobs?assignee=me&limit=20');
    const open = (mine.json?.data ?? []).filter(
      (job: { status: string }) => job.status !== 'completed' && job.status !== 'cancelled',
    );
    const job = pick(open) as { id: string; status: string } | undefined;
    if (!job) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    await api(tokenValue, 'POST', `/api/v1/jobs/${job.id}/notes`, { body: `Checked at ${new Date().toISOString()}` });
    const to = job.status === 'in_progress' && random() < 0.5 ? 'completed' : nextStatus[job.status];
    if (to) await api(tokenValue, 'POST', `/api/v1/jobs/${job.id}/status`, { status: to });
    await api(tokenValue, 'GET', `/api/v1/jobs/${job.id}/history`);
  }
}

// ------------------------------------------------------------------------------------- invariants
async function checkInvariants(): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const problems: string[] = [];
  const one = async (label: string, query: string, params: unknown[] = []) => {
    const { rows } = await client.query<{ n: number }>(query, params);
    if (rows[0]!.n !== 0) problems.push(`${label}: ${rows[0]!.n}`);
  };
  try {
    // Every successful create is in the database exactly once, and nothing the client saw fail was written:
    // the rows carrying this run's marker are exactly the successful creates (markers are unique per attempt).
    const marker = `%${runId}-%`;
    const counts = {
      customers: `select count(*)::int as n from customers where name like $1`,
      vehicles: `select count(*)::int as n from vehicles v join customers c on c.id = v.customer_id where c.name like $1`,
      jobs: `select count(*)::int as n from jobs where title like $1`,
    } as const;
    for (const kind of ['customers', 'vehicles', 'jobs'] as const) {
      const ids = [...created[kind].keys()];
      const { rows: byId } = await client.query<{ n: number }>(
        `select count(*)::int as n from ${kind} where id = any($1::uuid[])`,
        [ids],
      );
      if (byId[0]!.n !== ids.length) problems.push(`${kind}: ${ids.length} created, ${byId[0]!.n} found by id`);
      const { rows: byMarker } = await client.query<{ n: number }>(counts[kind], [marker]);
      if (byMarker[0]!.n !== ids.length)
        problems.push(`${kind}: ${byMarker[0]!.n} rows for ${ids.length} successful creates`);
    }
    await one(
      'invoices whose totals differ from their lines',
      `select count(*)::int as n from invoices i where i.subtotal_cents <> (select coalesce(sum(line_total_cents),0) from invoice_lines l where l.invoice_id = i.id)
         or i.tax_cents <> (select coalesce(sum(tax_cents),0) from invoice_lines l where l.invoice_id = i.id) or i.total_cents <> i.subtotal_cents + i.tax_cents`,
    );
    await one(
      'invoices whose payments exceed the total or differ from paid_cents',
      `select count(*)::int as n from invoices i where i.paid_cents > i.total_cents
         or i.paid_cents <> (select coalesce(sum(amount_cents),0) from payments p where p.invoice_id = i.id)`,
    );
    await one(
      'jobs whose last history row is not their status',
      `select count(*)::int as n from jobs j where j.status <> (select to_status from job_status_changes c where c.job_id = j.id order by changed_at desc, id desc limit 1)`,
    );
    await one(
      'history rows that are not allowed transitions',
      `select count(*)::int as n from job_status_changes where from_status is not null and (from_status, to_status) not in
         (('created','in_progress'),('created','cancelled'),('in_progress','waiting_for_parts'),('in_progress','completed'),('in_progress','cancelled'),
          ('waiting_for_parts','in_progress'),('waiting_for_parts','cancelled'),('completed','in_progress'))`,
    );
    await one(
      'years whose invoice numbers have gaps',
      `select count(*)::int as n from (select year, count(*) c, max(sequence) m from invoices group by year) s where c <> m`,
    );
    await one(
      'invoice counters behind their invoices',
      `select count(*)::int as n from (select year, max(sequence) m from invoices group by year) s left join invoice_counters c using (year) where c.last_number is distinct from s.m`,
    );
  } finally {
    await client.end();
  }
  return problems;
}

// ------------------------------------------------------------------------------------------- main
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  await run('npx', ['tsx', 'db/cli/seed.ts']);
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  if (!options['skip-build'] || !existsSync(`${distDir}/BUILD_ID`)) await run('npx', ['next', 'build']);
  const server = await startServer();
  try {
    const adminToken = await token('admin@example.com', 'admin-demo-pass');
    const mechanicIds: string[] = [];
    const mechanicTokens: string[] = [];
    const mechanicCount = Math.max(1, Math.floor(users / 2));
    for (let index = 0; index < Math.min(mechanicCount, 10); index++) {
      const email = `load-${runId}-${index}@example.com`;
      const createdUser = await api(adminToken, 'POST', '/api/v1/users', {
        name: `Load Mechanic ${index}`,
        email,
        role: 'worker',
        password: 'load-test-password',
      });
      if (createdUser.status !== 201)
        throw new Error(`Could not create a mechanic: ${createdUser.status} ${JSON.stringify(createdUser.json)}`);
      mechanicIds.push(createdUser.json.id);
      mechanicTokens.push(await token(email, 'load-test-password'));
    }
    const frontDeskToken = await token('worker@example.com', 'worker-demo-pass');
    requests = 0;
    latencies.length = 0;
    statuses.clear();
    const deadline = Date.now() + durationMs;
    const started = Date.now();
    const frontDeskCount = users - mechanicCount;
    await Promise.all([
      ...Array.from({ length: frontDeskCount }, () => frontDesk(frontDeskToken, deadline)),
      ...Array.from({ length: mechanicCount }, (_, index) =>
        mechanic(mechanicTokens[index % mechanicTokens.length]!, deadline),
      ),
      admin(adminToken, mechanicIds, deadline),
    ]);
    const seconds = (Date.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const byStatus: Record<string, number> = {};
    for (const [key, count] of statuses) {
      const status = key.split(' ').at(-1)!;
      byStatus[status] = (byStatus[status] ?? 0) + count;
    }
    const fiveHundreds = Object.entries(byStatus)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, count]) => sum + count, 0);
    const problems = await checkInvariants();
    const report = {
      users,
      seconds: Math.round(seconds),
      requests,
      requestsPerSecond: Math.round(requests / seconds),
      latencyMs: {
        p50: Math.round(percentile(sorted, 50)),
        p95: Math.round(percentile(sorted, 95)),
        p99: Math.round(percentile(sorted, 99)),
      },
      byStatus,
      created: { customers: created.customers.size, vehicles: created.vehicles.size, jobs: created.jobs.size },
      serverErrors,
      invariantProblems: problems,
      byRoute: Object.fromEntries([...statuses].sort()),
    };
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/load-report.json', JSON.stringify(report, null, 2));
    console.log(`\nLoad test: ${users} simulated users for ${report.seconds} s`);
    console.log(
      `  requests ${requests} (${report.requestsPerSecond}/s), p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms, p99 ${report.latencyMs.p99} ms`,
    );
    console.log(`  by status ${JSON.stringify(byStatus)}`);
    console.log(`  created ${JSON.stringify(report.created)}`);
    for (const error of serverErrors) console.log(`  5xx: ${error}`);
    for (const problem of problems) console.log(`  invariant broken: ${problem}`);
    const passed = fiveHundreds === 0 && problems.length === 0 && created.jobs.size > 0;
    console.log(passed ? 'Load test passed: zero 5xx, every invariant holds.' : 'Load test FAILED.');
    process.exitCode = passed ? 0 : 1;
  } finally {
    stopServer(server);
  }
}

await main();
