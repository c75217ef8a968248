// Every list and search query the screens and the API run, EXPLAINed on a dataset made by the benchmark
// generator (tests/bench/dataset.ts, a small scale inside this test's own database; or the benchmark dataset itself
// when DATABASE_URL already holds one). The statements are the real ones: captured from the data-layer calls
// behind each read (tests/bench/scenarios.ts). Planned with enable_seqscan off, a sequential scan of a large table
// means no index can serve the query; and with EXPLAIN ANALYZE, a scan that reads a large share of a big
// table to return a page means the index does not match the query (filter or sort not covered).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  benchAdminEmail,
  benchWorkerEmail,
  BUSY_MECHANIC,
  FIFTY_NOTES_MARKER,
  generateDataset,
  SHOP_NAME,
} from '@/tests/bench/dataset';
import { benchApprovalToken } from '@/tests/bench/estimates-dataset';
import type { DataKey, Fixtures } from '@/tests/bench/routes';
import { NOT_INVOICED_DAYS } from '@/db/dashboard';
import { captureStatements, dataCalls, replayableParams, type Actors, type Statement } from '@/tests/bench/scenarios';
import { closeDb, getDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { hashPassword } from '@/db/auth/passwords';
import { businessTables } from '@/db/schema';
import { listJobs } from '@/db/jobs';
import { MANY_JOBS } from '@/db/jobs/reads';

const SCALE = 0.004; // 400 customers, 600 vehicles, 4,000 jobs, ~16,000 notes, ~2,800 invoices
/** The tables that grow with the shop's work (users, settings and the invoice counter stay small). */
const LARGE_TABLES = [
  ...businessTables.filter((table) => !['users', 'shop_settings', 'invoice_counters'].includes(table)),
  'audit_events',
];
/** A scan may read this share of a large table (and at least MIN_ROWS rows) before it counts as a table read. */
const MAX_SHARE = 0.2;
const MIN_ROWS = 500;

type Client = { query: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };
type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
};

let fixtures: Fixtures;
let actors: Actors;
const tableRows = new Map<string, number>();

/** A connection of its own (pg pool) or the embedded database, to run EXPLAIN with parameters. */
async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const db = await getDb();
  const raw = (db as unknown as { $client: Client & { connect?: () => Promise<Client & { release: () => void }> } })
    .$client;
  if (typeof raw.connect === 'function' && process.env.DATABASE_URL) {
    const client = await raw.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }
  return work(raw);
}

async function existingBenchDataset(): Promise<boolean> {
  const db = await getDb();
  const result = await db.execute(sql`select count(*)::int as n from shop_settings where shop_name = ${SHOP_NAME}`);
  const [row] = (result as unknown as { rows: { n: number }[] }).rows;
  return (row?.n ?? 0) > 0;
}

/**
 * On a shared PostgreSQL server the files before this one leave thousands of their own jobs, orders and notes
 * behind, and a page of the dataset's then looks like a table read. So unless DATABASE_URL holds the benchmark
 * dataset itself, this file moves to a database of its own on the same server (and drops it afterwards).
 */
async function ownDatabase(): Promise<string | null> {
  const shared = process.env.DATABASE_URL;
  if (!shared) return null;
  const client = new pg.Client({ connectionString: shared });
  await client.connect();
  let url: URL;
  try {
    const { rows } = await client.query(
      `select to_regclass('public.shop_settings') is not null
         and exists (select 1 from shop_settings where shop_name = $1) as bench`,
      [SHOP_NAME],
    );
    if (rows[0]?.bench) return null;
    url = new URL(shared);
    const name = `${url.pathname
      .slice(1)
      .replace(/[^a-z0-9_]/gi, '_')
      .slice(0, 40)}_explain_${Date.now()}`;
    await client.query(`create database ${name}`);
    url.pathname = `/${name}`;
  } finally {
    await client.end();
  }
  await migrateDatabase({ kind: 'postgres', url: url.toString() });
  await closeDb();
  process.env.DATABASE_URL = url.toString();
  return url.toString();
}

let ownUrl: string | null = null;

afterAll(async () => {
  if (!ownUrl) return;
  await closeDb();
  const url = new URL(ownUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`).finally(() => client.end());
});

beforeAll(async () => {
  ownUrl = await ownDatabase();
  const db = await getDb();
  let tag = '';
  if (!(await existingBenchDataset())) {
    tag = `-${randomUUID().slice(0, 8)}`;
    const hash = await hashPassword('bench-explain-pass');
    await db.transaction(async (tx) => {
      const run = async (text: string) =>
        (await tx.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] };
      await generateDataset(async (text) => (await run(text)).rows ?? [], {
        scale: SCALE,
        seed: Math.floor(Math.random() * 1_000_000),
        anchor: new Date(),
        adminHash: hash,
        workerHash: hash,
        emailTag: tag,
        writeShopSettings: false,
      });
    });
  }
  await withClient(async (client) => {
    await client.query('analyze');
    const sizes = await client.query(
      `select relname, greatest(reltuples, 0)::bigint::text as rows from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`,
    );
    for (const row of sizes.rows) tableRows.set(String(row.relname), Number(row.rows));
    const one = async (text: string, params: unknown[]) =>
      (await client.query(text, params)).rows[0] as Record<string, string>;
    const admin = await one(`select id, email, name, role from users where email = $1`, [benchAdminEmail(tag)]);
    const mechanic = await one(`select id, email, name, role from users where email = $1`, [
      benchWorkerEmail(BUSY_MECHANIC, tag),
    ]);
    // A mechanic who joined today: no job of theirs, so a list that walks the shop's jobs to find theirs reads all.
    const newcomer = await one(
      `insert into users (email, name, role, password_hash) values ($1, 'New Mechanic', 'worker', $2)
       returning id, email, name, role`,
      [`newcomer-${randomUUID()}@explain.example`, 'not-a-password-hash'],
    );
    actors = {
      admin: { id: admin.id!, email: admin.email!, name: admin.name!, role: 'admin' },
      mechanic: { id: mechanic.id!, email: mechanic.email!, name: mechanic.name!, role: 'worker' },
      newcomer: { id: newcomer.id!, email: newcomer.email!, name: newcomer.name!, role: 'worker' },
    };
    // Everything below belongs to the generated (or benchmark) dataset: ids owned by its admin's workshop.
    const person = await one(
      `select c.name, c.phone, v.plate, v.vin from customers c join vehicles v on v.customer_id = c.id
       where c.created_by = $1 and c.kind = 'individual' and c.archived_at is null and v.archived_at is null
         and v.vin is not null and v.plate is not null and c.phone is not null
         and c.name ~ '[A-Za-z'']{4,}$' -- a last name of four letters or more: "Xu" would test no trigram search
       order by c.id limit 1`,
      [admin.id],
    );
    const vehicle = await one(
      `select j.vehicle_id as id from jobs j join vehicles v on v.id = j.vehicle_id join customers c on c.id = v.customer_id
       where c.created_by = $1 group by j.vehicle_id order by count(*) desc, j.vehicle_id limit 1`,
      [admin.id],
    );
    const fleet = await one(
      `select v.customer_id as id from vehicles v join customers c on c.id = v.customer_id where c.created_by = $1
       group by v.customer_id order by count(*) desc, v.customer_id limit 1`,
      [admin.id],
    );
    const fifty = await one(`select id from jobs where description = $1 order by created_at desc limit 1`, [
      FIFTY_NOTES_MARKER,
    ]);
    fixtures = {
      adminId: admin.id!,
      mechanicId: mechanic.id!,
      nameFragment: person.name!.split(' ').at(-1)!.slice(0, 4).toLowerCase(),
      shortFragment: person.name!.split(' ').at(-1)!.slice(0, 2).toLowerCase(),
      phoneFragment: person.phone!.replace(/\D/g, '').slice(-5),
      plate: person.plate!,
      vinFragment: person.vin!.slice(-6),
      customerId: fleet.id!,
      vehicleId: vehicle.id!,
      fiftyNotesJobId: fifty.id!,
      approvalToken: benchApprovalToken(fifty.id!),
    };
  });
}, 300_000);

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** What is wrong with one statement's plan, in words (empty when it is fine). */
async function problemsOf(
  client: Client,
  statement: Statement,
  budget: Record<string, number> = {},
): Promise<string[]> {
  const params = replayableParams(statement.params);
  const problems: string[] = [];
  const short = statement.sql.replace(/\s+/g, ' ').slice(0, 160);
  await client.query('begin');
  try {
    await client.query('set local enable_seqscan = off');
    const planned = await client.query(`explain (format json) ${statement.sql}`, params);
    const plan = (planned.rows[0]!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
    for (const node of nodes(plan)) {
      if (node['Node Type'] === 'Seq Scan' && LARGE_TABLES.includes(node['Relation Name'] ?? '')) {
        problems.push(`sequential scan of ${node['Relation Name']} (no index serves it): ${short}`);
      }
    }
    const analyzed = await client.query(`explain (analyze, format json) ${statement.sql}`, params);
    const actual = (analyzed.rows[0]!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
    for (const node of nodes(actual)) {
      const table = node['Relation Name'];
      if (!table || !LARGE_TABLES.includes(table)) continue;
      const loops = node['Actual Loops'] ?? 1;
      const read =
        ((node['Actual Rows'] ?? 0) +
          (node['Rows Removed by Filter'] ?? 0) +
          (node['Rows Removed by Index Recheck'] ?? 0)) *
        loops;
      const size = tableRows.get(table) ?? 0;
      if (read > (budget[table] ?? Math.max(MIN_ROWS, size * MAX_SHARE))) {
        problems.push(
          `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''} reads ${Math.round(read)} of ${size} rows of ${table}: ${short}`,
        );
      }
    }
  } finally {
    await client.query('rollback');
  }
  return problems;
}

async function explainRead(key: DataKey, budget: Record<string, number> = {}): Promise<string[]> {
  return explainWork(() => dataCalls[key](actors, fixtures), budget);
}

async function explainWork(work: () => Promise<unknown>, budget: Record<string, number> = {}): Promise<string[]> {
  const statements = await captureStatements(work);
  expect(statements.length).toBeGreaterThan(0);
  return withClient(async (client) => {
    const problems: string[] = [];
    for (const statement of statements) problems.push(...(await problemsOf(client, statement, budget)));
    return problems;
  });
}

describe('every list and search query uses an index that matches it', () => {
  const reads: [string, DataKey][] = [
    ['the job board', 'job-board'],
    ["a busy mechanic's My jobs", 'my-jobs'],
    ['the job list of the API', 'jobs-list'],
    ["a busy mechanic's job list in the API", 'worker-jobs-list'],
    ["a busy mechanic's cancelled jobs (a rare status) in the API", 'worker-jobs-rare-status'],
    ["a new mechanic's job list in the API, with no jobs yet", 'newcomer-jobs-list'],
    ["a new mechanic's My jobs, with no jobs yet", 'newcomer-my-jobs'],
    ['customer search by a name fragment', 'search-name'],
    ["customer search by a name's first two letters", 'search-short'],
    ['customer search by a phone fragment', 'search-phone'],
    ['customer search by a plate', 'search-plate'],
    ['customer search by a VIN fragment', 'search-vin'],
    ['vehicle search by a VIN fragment', 'vehicle-search'],
    ['vehicle search by two letters', 'vehicle-search-short'],
    ["the new job's vehicle picker searching a customer name", 'job-vehicle-picker'],
    ["the new job's vehicle picker searching a name's first two letters", 'job-vehicle-picker-short'],
    ["a fleet customer's page", 'customer'],
    ['the service history of the busiest vehicle', 'vehicle'],
    ['a job detail with 50 notes and its history', 'job-detail'],
    ['the notes of a job', 'job-notes'],
    ['the invoice list', 'invoices'],
    ['the invoices with an open balance', 'open-invoices'],
    ['the invoice page with the jobs ready to invoice', 'invoice-page'],
    ['parts search by a name fragment', 'parts-search'],
    ["parts search by a name's first two letters", 'parts-search-short'],
  ];
  for (const [label, key] of reads) {
    it(`${label} reads only what it shows`, async () => {
      expect(await explainRead(key)).toEqual([]);
    });
  }
});

describe('the jobs ready to invoice are read from their own index', () => {
  it('reads the jobs it shows, not every completed job invoiced before them', async () => {
    // Walking the completed jobs newest first and skipping the invoiced ones reads the whole history once the
    // shop has invoiced its recent work (each skipped job probed for an invoice): the page shows 5 (+1 to know
    // whether there are more), so that is all it may read of jobs and invoices.
    expect(await explainRead('ready-to-invoice', { jobs: 6, invoices: 0 })).toEqual([]);
  });
});

describe('the dashboard reads its window, not the history', () => {
  it('counts through indexes, reading no more rows than the open work and the last 30 days hold', async () => {
    // An aggregate reads every row it counts, so its budget is its window (not a share of the table): open jobs,
    // jobs completed in the last NOT_INVOICED_DAYS days (at most: the index holds only those without an invoice)
    // and invoices with an open balance, with slack for rows that arrive while the test runs.
    const budget = await withClient(async (client) => {
      const { rows } = await client.query(
        `select (select count(*) from jobs where status not in ('completed', 'cancelled'))::int as open,
                (select count(*) from jobs where status = 'completed' and completed_at >= now() - make_interval(days => $1))::int as recent,
                (select count(*) from invoices where status <> 'void' and paid_cents < total_cents)::int as unpaid`,
        [NOT_INVOICED_DAYS + 1],
      );
      const { open, recent, unpaid } = rows[0] as { open: number; recent: number; unpaid: number };
      return { jobs: open + recent + MIN_ROWS, invoices: recent + unpaid + MIN_ROWS };
    });
    expect(await explainRead('dashboard', budget)).toEqual([]);
  });
});

describe('a mechanic with thousands of jobs', () => {
  it('pages through them by number, reading a page of jobs rather than all of theirs', async () => {
    // Assigned to nearly every job of the dataset: past MANY_JOBS the list walks the jobs by number (a probe per
    // job) instead of collecting the worker's ids; written without triggers, like the dataset itself.
    const veteran = await withClient(async (client) => {
      const { rows } = await client.query(
        `insert into users (email, name, role, password_hash) values ($1, 'Veteran Mechanic', 'worker', 'x')
         returning id, email, name, role`,
        [`veteran-${randomUUID()}@explain.example`],
      );
      await client.query('begin');
      await client.query('set local session_replication_role = replica');
      await client.query(
        `insert into job_assignments (job_id, worker_id, assigned_by, assigned_at)
         select id, $1, created_by, created_at from jobs where number % 7 <> 0 order by number desc limit $2`,
        [rows[0]!.id, MANY_JOBS + 100],
      );
      await client.query('commit');
      return { ...(rows[0] as { id: string; email: string; name: string }), role: 'worker' as const };
    });
    const expected = (status: string | null) =>
      withClient(async (client) => {
        const { rows } = await client.query(
          `select 'J-' || lpad(number::text, 6, '0') as number from jobs j
           where ($2::job_status is null or status = $2) and (created_by = $1 or exists (select 1 from job_assignments a
             where a.job_id = j.id and a.worker_id = $1 and a.unassigned_at is null))
           order by number desc limit 50`,
          [veteran.id, status],
        );
        return rows.map((row) => row.number);
      });
    const first = await listJobs(veteran, {});
    const second = await listJobs(veteran, { cursor: first.nextCursor! });
    expect([...first.data, ...second.data].map((job) => job.number)).toEqual(await expected(null));
    const cancelled = await listJobs(veteran, { status: 'cancelled', limit: 50 });
    expect(cancelled.data.map((job) => job.number)).toEqual(await expected('cancelled'));
    expect(cancelled.data.length).toBeGreaterThan(0);
    // The count that picks the walk reads at most MANY_JOBS of the worker's index entries; the walk a page. On
    // this small dataset the planner may join the page to all 600 vehicles (and their customers) by hash, cheaper
    // there than a probe per job: what is judged here is what the list reads of jobs and assignments.
    const budget = { job_assignments: MANY_JOBS, jobs: MIN_ROWS, vehicles: Infinity, customers: Infinity };
    expect(await explainWork(() => listJobs(veteran, {}), budget)).toEqual([]);
    expect(await explainWork(() => listJobs(veteran, { status: 'cancelled' }), budget)).toEqual([]);
  });
});
