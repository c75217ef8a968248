// The benchmark dataset, written set-based (INSERT … SELECT generate_series) inside one transaction that the
// caller opens. Every value is derived from (seed, table tag, row ordinal) through hashint8extended, so the
// same seed and anchor give the same data on PostgreSQL and on PGlite, whatever the plan or parallelism.
//
// The rows are written with `session_replication_role = replica`, which skips the triggers (audit, status
// transitions, invoice guards, deferred line check, payment totals) and the foreign-key checks. The data is
// therefore built to satisfy every rule those triggers hold, and `verifyDataset` proves it with SQL.
//
// Shared by tests/bench/generate-data.ts (the CLI, PostgreSQL) and tests/integration/explain.test.ts (a small
// dataset inside the test database, PGlite or PostgreSQL).

import { businessTables } from '../../db/schema';
import {
  colors as demoColors,
  complaints as demoComplaints,
  firstNames as demoFirstNames,
  lastNames as demoLastNames,
  noteTexts as demoNoteTexts,
  streets as demoStreets,
} from '../../db/seed/demo-data';
import { generateEstimatesData } from './estimates-dataset';
import { generatePartsData } from './parts-dataset';
import { generateTimeData } from './time-dataset';

export type Row = Record<string, unknown>;
/** Runs one SQL statement on the caller's transaction and returns its rows. */
export type Run = (text: string) => Promise<Row[]>;

export const BENCH_PASSWORDS = { admin: 'bench-admin-pass', worker: 'bench-worker-pass' } as const;
export const BENCH_WORKERS = 30;
export const BUSY_MECHANIC = 1;
/** The description of the job that gets exactly 50 notes (the "job detail with 50 notes" measurement). */
export const FIFTY_NOTES_MARKER = 'Intermittent stalling, long diagnosis (benchmark: job with 50 notes).';
export const SHOP_NAME = 'Benchmark Auto Group';

export function benchAdminEmail(tag = ''): string {
  return `bench-admin${tag}@example.com`;
}
export function benchWorkerEmail(n: number, tag = ''): string {
  return `bench-worker-${String(n).padStart(2, '0')}${tag}@example.com`;
}
/** What a benchmark user's email looks like (SQL regular expression); anything else is not ours. */
export const BENCH_EMAIL_PATTERN = '^bench-(admin|worker-[0-9]{2})@example\\.com$';

export type DatasetOptions = {
  scale: number;
  seed: number;
  /** "Now" of the dataset: five years of history end here. */
  anchor: Date;
  /** argon2 hashes of BENCH_PASSWORDS (hashed by the caller: the data layer's own hashPassword). */
  adminHash: string;
  workerHash: string;
  /** Appended to the bench emails, so a dataset can be added to a shared test database more than once. */
  emailTag?: string;
  /** Write the shop settings row (default true); a shared test database keeps its own. */
  writeShopSettings?: boolean;
  /** Drop the secondary indexes of the loaded tables and build them again afterwards (bulk load). */
  rebuildIndexes?: boolean;
  log?: (message: string) => void;
};

export type DatasetCounts = {
  customers: number;
  vehicles: number;
  jobs: number;
  notesTarget: number;
  invoicesTarget: number;
};

export function datasetCounts(scale: number): DatasetCounts {
  const n = (base: number) => Math.max(1, Math.round(base * scale));
  return {
    customers: n(100_000),
    vehicles: n(150_000),
    jobs: n(1_000_000),
    notesTarget: n(4_000_000),
    invoicesTarget: n(700_000),
  };
}

// ----------------------------------------------------------------------------------------- word lists
// The demo shop's lists (db/seed/demo-data.ts) come first, in their order, then more for a larger shop.
const firstNames = [
  ...demoFirstNames,
  'Amelia',
  'Ethan',
  'Isabel',
  'Jonas',
  'Leila',
  'Marco',
  'Nadia',
  'Pablo',
  'Rosa',
  'Stefan',
  'Tara',
  'Umar',
  'Vera',
  'William',
  'Yara',
  'Zach',
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Elena',
  'Felix',
  'Gina',
  'Hugo',
  'Irene',
  'Jack',
  'Kira',
  'Liam',
  'Mia',
  'Nina',
  'Oscar',
  'Paula',
  'Quinn',
  'Rafael',
  'Sara',
  'Theo',
];
const lastNames = [
  ...demoLastNames,
  'Andersen',
  'Baker',
  'Castillo',
  'Dubois',
  'Evans',
  'Fischer',
  'Gonzalez',
  'Hoffmann',
  'Ivanova',
  'Jensen',
  'Kim',
  'Lopez',
  'Moreau',
  'Novak',
  'Olsen',
  'Park',
  'Quinlan',
  'Romero',
  'Schmidt',
  'Torres',
  'Ueda',
  'Varga',
  'Walker',
  'Xu',
  'Yilmaz',
  'Zimmermann',
  'Adams',
  'Becker',
  'Clark',
  'Diaz',
  'Ellis',
  'Ferreira',
  'Gupta',
  'Hughes',
  'Ito',
  'Jovanovic',
  'Keller',
  'Larsen',
  'Mendes',
  'Nowak',
  'Ortiz',
  'Price',
  'Reyes',
  'Santos',
  'Thompson',
  'Vasquez',
  'Wright',
  'Young',
  'Ahmed',
  'Bianchi',
  'Chen',
  'Dimitrov',
  'Eriksen',
  'Fontaine',
  'Greco',
  'Horvat',
  'Ibrahim',
  'Jansen',
  'Kaur',
  'Lindqvist',
  'Moreno',
  'Nielsen',
];
const businessFirst = [
  'Rapid',
  'Green Valley',
  'Citywide',
  'Sunrise',
  'Harbor',
  'Peak',
  'Blue Line',
  'Northside',
  'Summit',
  'Metro',
  'Riverside',
  'Golden',
  'Eastgate',
  'Pioneer',
  'Silver Oak',
  'Lakeside',
  'Redwood',
  'Union',
  'Coastal',
  'Prairie',
];
const businessSecond = [
  'Courier',
  'Landscaping',
  'Plumbing',
  'Taxi',
  'Florists',
  'Electric',
  'Deliveries',
  'Bakery',
  'Builders',
  'Cleaning',
  'Roofing',
  'Catering',
  'Logistics',
  'Security',
  'Movers',
  'Pest Control',
  'HVAC',
  'Rentals',
];
const businessSuffix = ['LLC', 'Inc.', 'Co.', 'Ltd.', 'Group', 'Services'];
const streets = [
  ...demoStreets,
  'Lincoln Avenue',
  'Park Road',
  'River Street',
  'Sunset Boulevard',
  'Church Street',
  'Mill Lane',
  'Washington Street',
  'Lake Drive',
];
const cities = [
  'Springfield',
  'Riverton',
  'Fairview',
  'Greenville',
  'Madison',
  'Georgetown',
  'Salem',
  'Franklin',
  'Clinton',
  'Arlington',
];
// [WMI, make, model]
const models: [string, string, string][] = [
  ['1HG', 'Honda', 'Civic'],
  ['1HG', 'Honda', 'Accord'],
  ['5J6', 'Honda', 'CR-V'],
  ['1FT', 'Ford', 'F-150'],
  ['1FM', 'Ford', 'Transit'],
  ['1FA', 'Ford', 'Focus'],
  ['1FM', 'Ford', 'Escape'],
  ['1G1', 'Chevrolet', 'Malibu'],
  ['1GC', 'Chevrolet', 'Silverado'],
  ['1G1', 'Chevrolet', 'Equinox'],
  ['JTD', 'Toyota', 'Corolla'],
  ['4T1', 'Toyota', 'Camry'],
  ['2T1', 'Toyota', 'RAV4'],
  ['5TD', 'Toyota', 'Highlander'],
  ['5YJ', 'Tesla', 'Model 3'],
  ['5YJ', 'Tesla', 'Model Y'],
  ['WVW', 'Volkswagen', 'Golf'],
  ['3VW', 'Volkswagen', 'Jetta'],
  ['WBA', 'BMW', '3 Series'],
  ['WBA', 'BMW', 'X3'],
  ['WDD', 'Mercedes-Benz', 'C-Class'],
  ['KMH', 'Hyundai', 'Elantra'],
  ['5NP', 'Hyundai', 'Sonata'],
  ['KNA', 'Kia', 'Sportage'],
  ['JN1', 'Nissan', 'Altima'],
  ['1N4', 'Nissan', 'Sentra'],
  ['JM1', 'Mazda', 'Mazda3'],
  ['JF1', 'Subaru', 'Outback'],
  ['1C4', 'Jeep', 'Grand Cherokee'],
  ['2C3', 'Dodge', 'Charger'],
];
const colors = [...demoColors, 'Beige', 'Brown', 'Orange'];
const complaints: (readonly [string, string])[] = [
  ...demoComplaints,
  ['Oil change', 'Synthetic 5W-30, reset service light.'],
  ['State inspection', 'Yearly safety inspection.'],
  ['Windshield wiper motor', 'Wipers stop mid-sweep.'],
  ['Steering wheel vibration', 'Vibrates above 60 mph; balance wheels.'],
  ['Exhaust rattle', 'Rattle under the car at idle, heat shield suspected.'],
  ['Power window stuck', 'Driver side window does not go up.'],
  ['Replace spark plugs', 'Misfire on cylinder 3.'],
  ['Brake fluid flush', 'Fluid dark, due per schedule.'],
  ['Headlight out', 'Passenger low beam not working.'],
  ['Hard starting in the morning', 'Cranks long before starting when cold.'],
  ['Fuel smell in cabin', 'Smell of fuel after refuelling.'],
  ['ABS warning light', 'ABS light on, speed sensor suspected.'],
  ['Replace serpentine belt', 'Belt cracked, squeal on start-up.'],
  ['Pre-purchase inspection', 'Customer is buying this car; full check.'],
];
const noteTexts = [
  ...demoNoteTexts,
  'Vehicle on lift 3.',
  'Waiting for customer approval of the extra work.',
  'Torqued wheels to spec, checked tire pressures.',
  'Road test: pulls slightly left, alignment recommended.',
  'Customer asked for a courtesy car until Friday.',
  'Scanned: P0301 misfire cylinder 1, swapping coil to confirm.',
  'Fluids topped up, no leaks found.',
  'Supplier sent the wrong part, reordered.',
  'Left a voicemail for the customer about pickup.',
  'Customer will pick up after 5 pm.',
  'Washed the car as a courtesy.',
  'Second opinion from the shop foreman: replace, do not repair.',
];
const parts: [string, number][] = [
  ['Brake pads (front set)', 6_500],
  ['Brake rotor', 8_900],
  ['Oil filter', 1_200],
  ['Engine oil 5W-30 (5 qt)', 3_800],
  ['Air filter', 2_200],
  ['Cabin air filter', 2_600],
  ['Spark plug', 1_100],
  ['Ignition coil', 7_400],
  ['Serpentine belt', 4_200],
  ['Timing belt kit', 28_500],
  ['Water pump', 16_900],
  ['Coolant (1 gal)', 2_400],
  ['Battery 12V', 17_900],
  ['Alternator', 32_000],
  ['Wiper blades (pair)', 3_200],
  ['Headlight bulb', 2_100],
  ['Wheel speed sensor', 8_800],
  ['Control arm', 14_500],
  ['Sway bar link', 4_900],
  ['Tie rod end', 5_600],
  ['AC refrigerant (1 lb)', 4_500],
  ['Radiator hose', 3_900],
  ['Window regulator', 12_800],
  ['Exhaust clamp', 1_500],
];
const laborTexts = [
  'Labor: diagnosis and repair',
  'Labor: scheduled maintenance',
  'Labor: inspection',
  'Labor: parts replacement',
];
const cancelReasons = [
  'Customer declined the estimate.',
  'Customer sold the vehicle.',
  'Duplicate job card.',
  'Customer went to the dealer (warranty).',
  'No-show: customer never brought the car.',
];
const voidReasons = [
  'Wrong customer details on the invoice.',
  'Price corrected after customer call.',
  'Issued against the wrong job.',
];

// ------------------------------------------------------------------------------------------- helpers
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const textArray = (items: readonly string[]) => `ARRAY[${items.map(quote).join(',')}]::text[]`;
const intArray = (items: readonly number[]) => `ARRAY[${items.map((n) => String(Math.trunc(n))).join(',')}]::int[]`;
/** The element of a text[] picked by a uniform number u in [0, 1). */
const pick = (items: readonly string[], u: string) => `(${textArray(items)})[1 + floor((${u}) * ${items.length})::int]`;

/** Tables the dataset writes (the ones whose secondary indexes are rebuilt). */
/** The business tables the dataset writes in bulk (the invoice counter and shop settings are one row each). */
const LOADED_TABLES = businessTables.filter((table) => table !== 'invoice_counters' && table !== 'shop_settings');

// --------------------------------------------------------------------------------------------- dataset
/**
 * Writes the dataset. Must run inside a transaction (the caller's); sets transaction-local settings only.
 * Returns what was written and the id of the job with 50 notes.
 */
export async function generateDataset(
  run: Run,
  options: DatasetOptions,
): Promise<{ fiftyNotesJobId: string; counts: Record<string, number> }> {
  const log = options.log ?? (() => {});
  const seed = Math.trunc(options.seed);
  const tag = options.emailTag ?? '';
  const counts = datasetCounts(options.scale);
  const NC = counts.customers;
  const NV = Math.max(NC, counts.vehicles);
  const NJ = counts.jobs;
  const NC0 = Math.max(1, Math.round(NC * 0.4)); // customers already on file when the five years start
  const anchor = `${quote(options.anchor.toISOString())}::timestamptz`;
  const start = `(${anchor} - interval '5 years')`;
  const spanSeconds = `extract(epoch from ${anchor} - ${start})`;
  const step = async (label: string, statement: string) => {
    const began = Date.now();
    const rows = await run(statement);
    log(`  ${label} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
    return rows;
  };

  await run(`set local session_replication_role = replica`);
  await run(`set local synchronous_commit = off`);
  await run(`set local work_mem = '64MB'`);
  await run(`set local maintenance_work_mem = '512MB'`);

  // Deterministic uniform numbers and ids: hash of (seed, tag, ordinal).
  await run(`drop function if exists pg_temp.rnd(int, bigint)`);
  await run(`create function pg_temp.rnd(t int, i bigint) returns float8 language sql immutable parallel safe as
    $$ select (hashint8extended(i, ${seed}::bigint * 1000 + t) & 9007199254740991)::float8 / 9007199254740992::float8 $$`);
  await run(`drop function if exists pg_temp.uid(int, bigint)`);
  // A version-4 shaped UUID (random-looking, so the app's uuid validation accepts it), from md5 of the ordinal.
  await run(`create function pg_temp.uid(t int, i bigint) returns uuid language sql immutable parallel safe as
    $$ select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || substr('89ab', 1 + ascii(substr(h, 17, 1)) % 4, 1) || substr(h, 18, 15))::uuid
       from (select md5('${seed}:' || t || ':' || i) as h) as m $$`);
  await run(`drop function if exists pg_temp.vin_check(text)`);
  // 49 CFR 565: transliterate letters to digits, weigh the 17 positions, sum mod 11 (10 is X).
  await run(`create function pg_temp.vin_check(draft text) returns text language sql immutable parallel safe as $$
    select case s % 11 when 10 then 'X' else (s % 11)::text end from (
      select sum(substr(translate(draft, 'ABCDEFGHJKLMNPRSTUVWXYZ', '12345678123457923456789'), k, 1)::int
                 * (${intArray([8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2])})[k]) as s
      from generate_series(1, 17) as k) as weighed $$`);

  let indexDefinitions: { name: string; def: string }[] = [];
  if (options.rebuildIndexes) {
    indexDefinitions = (await run(`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i join pg_class t on t.oid = i.indrelid
      where t.relnamespace = 'public'::regnamespace and t.relname in (${LOADED_TABLES.map(quote).join(',')})
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by 1`)) as { name: string; def: string }[];
    for (const index of indexDefinitions) await run(`drop index ${index.name}`);
    log(`  dropped ${indexDefinitions.length} secondary indexes for the bulk load`);
  }

  // ---- users and shop settings
  const workerName = (n: string) =>
    `${pick(firstNames, `pg_temp.rnd(2, ${n})`)} || ' ' || ${pick(lastNames, `pg_temp.rnd(3, ${n})`)}`;
  await step(
    'users',
    `
    insert into users (id, email, name, role, password_hash, created_at, updated_at)
    select pg_temp.uid(1, n),
           case when n = 0 then ${quote(benchAdminEmail(tag))} else 'bench-worker-' || lpad(n::text, 2, '0') || ${quote(tag)} || '@example.com' end,
           case when n = 0 then 'Bench Admin' else ${workerName('n')} end,
           (case when n = 0 then 'admin' else 'worker' end)::user_role,
           case when n = 0 then ${quote(options.adminHash)} else ${quote(options.workerHash)} end,
           ${start} - interval '60 days' + n * interval '1 day', ${start} - interval '60 days' + n * interval '1 day'
    from generate_series(0, ${BENCH_WORKERS}) as n`,
  );
  if (options.writeShopSettings !== false)
    await run(`
    insert into shop_settings (id, shop_name, address, currency, locale, labor_rate_cents, labor_tax_basis_points,
      part_tax_basis_points, fee_tax_basis_points, updated_by)
    values (true, ${quote(SHOP_NAME)}, ${quote(`Benchmark dataset: scale ${options.scale}, seed ${seed}, anchor ${options.anchor.toISOString()}`)},
      'USD', 'en-US', 12000, 0, 825, 825, pg_temp.uid(1, 0))
    on conflict (id) do nothing`);
  await run(`create temp table b_const on commit drop as
    select pg_temp.uid(1, 0) as admin,
           array(select pg_temp.uid(1, n) from generate_series(1, ${BENCH_WORKERS}) as n order by n) as workers,
           greatest(coalesce(s.labor_rate_cents, 0), 5000)::bigint as labor_rate, coalesce(s.labor_tax_basis_points, 0) as labor_bp,
           coalesce(s.part_tax_basis_points, 825) as part_bp, coalesce(s.fee_tax_basis_points, 825) as fee_bp, coalesce(s.currency, 'USD') as currency
    from (select 1) as one left join shop_settings s on true`);

  // ---- customers: 40 % already on file when the five years start, the rest join evenly.
  await step(
    'customers (staging)',
    `create temp table b_cust on commit drop as
    select c, pg_temp.uid(2, c) as id,
      date_trunc('second', case when c <= ${NC0}
        then ${start} - interval '30 days' + (c::float8 / ${NC0}) * interval '29 days'
        else ${start} + ((c - ${NC0})::float8 / ${Math.max(1, NC - NC0)}) * (${anchor} - ${start} - interval '1 day') end) as created_at,
      (c % 500 = 1 or pg_temp.rnd(20, c) < 0.1) as business
    from generate_series(1, ${NC}) as c`,
  );

  // ---- vehicles: one per customer, the rest to fleets (every 500th customer) and second cars.
  await step(
    'vehicles (staging)',
    `create temp table b_veh0 on commit drop as
    select v, o.c as owner, greatest(cu.created_at + interval '1 hour',
             case when v <= ${NC} then cu.created_at + interval '1 hour'
                  else cu.created_at + pg_temp.rnd(51, v) * (${anchor} - cu.created_at) * 0.9 end) as created_at
    from generate_series(1, ${NV}) as v
    cross join lateral (select case when v <= ${NC} then v
        when pg_temp.rnd(52, v) < 0.3 then 1 + 500 * floor(pg_temp.rnd(53, v) * ${Math.max(1, Math.ceil(NC / 500))})::int
        else 1 + floor(pg_temp.rnd(54, v) * ${NC})::int end as c) as o
    join b_cust cu on cu.c = least(o.c, ${NC})`,
  );
  await run(`create temp table b_veh on commit drop as
    select row_number() over (order by created_at, v) as vi, v, pg_temp.uid(3, v) as id, least(owner, ${NC}) as owner,
      date_trunc('second', created_at) as created_at,
      floor(pg_temp.rnd(55, v) * ${models.length})::int + 1 as m,
      greatest(2001, least(extract(year from ${anchor})::int, extract(year from created_at)::int - floor(pg_temp.rnd(56, v) ^ 1.6 * 15)::int + 1)) as year
    from b_veh0`);
  await run(`analyze b_veh`);

  // Vehicles that exist at the start of each day, so a job only picks a vehicle that is already registered.
  await run(`create temp table b_vday on commit drop as
    select d.day, coalesce(sum(c.n) over (order by d.day rows between unbounded preceding and 1 preceding), 0) +
           (select count(*) from b_veh where created_at < ${start}) as before
    from (select generate_series(date_trunc('day', ${start}), date_trunc('day', ${anchor}), interval '1 day') as day) as d
    left join (select date_trunc('day', created_at) as day, count(*) as n from b_veh where created_at >= ${start} group by 1) as c using (day)`);

  // ---- jobs: five years, evenly spread, status mix by age.
  await step(
    'jobs (staging)',
    `create temp table b_job0 on commit drop as
    select j, t.created_at, extract(epoch from ${anchor} - t.created_at) as age,
      1 + floor(pg_temp.rnd(47, j) * greatest(vd.before, 1))::bigint as vi
    from generate_series(1, ${NJ}) as j
    cross join lateral (select date_trunc('second', least(${anchor} - interval '1 minute',
        ${start} + make_interval(secs => ((j - 1)::float8 + pg_temp.rnd(30, j)) / ${NJ} * ${spanSeconds})))) as t(created_at)
    join b_vday vd on vd.day = date_trunc('day', t.created_at)`,
  );
  await step(
    'jobs (plan)',
    `create temp table b_job on commit drop as
    select j.j, pg_temp.uid(4, j.j) as id, j.created_at, j.age, s.status, s.path, veh.id as vehicle_id,
      w.w1, case when pg_temp.rnd(36, j.j) < 0.15 then ((w.w1 - 1 + 1 + floor(pg_temp.rnd(37, j.j) * 14)::int) % ${BENCH_WORKERS}) + 1 end as w2,
      case when s.status <> 'created' and pg_temp.rnd(38, j.j) < 0.03 then ((w.w1 - 1 + 15 + floor(pg_temp.rnd(39, j.j) * 14)::int) % ${BENCH_WORKERS}) + 1 end as w3,
      (s.status <> 'created' or pg_temp.rnd(40, j.j) < 0.5) as assigned,
      case when pg_temp.rnd(41, j.j) < 0.7 then 0 else w.w1 end as creator,
      case when array_length(s.path, 1) = 1 then 0::float8 else least(3600 * (2 + pg_temp.rnd(33, j.j) * 70), j.age * 0.8) end as dur,
      case when s.status = 'created' then floor(pg_temp.rnd(45, j.j) * 3)::int else floor(pg_temp.rnd(45, j.j) * 9)::int end as note_count,
      case when s.status = 'completed' then pg_temp.rnd(46, j.j) end as invoice_u,
      veh.odometer_now, false as fifty
    from b_job0 j
    cross join lateral (select pg_temp.rnd(31, j.j) as u, pg_temp.rnd(32, j.j) as u2) as r
    cross join lateral (select case
        when j.age < 86400 then case when r.u < 0.45 then 'created' when r.u < 0.75 then 'in_progress' when r.u < 0.85 then 'waiting_for_parts' when r.u < 0.97 then 'completed' else 'cancelled' end
        when j.age < 7 * 86400 then case when r.u < 0.08 then 'created' when r.u < 0.25 then 'in_progress' when r.u < 0.37 then 'waiting_for_parts' when r.u < 0.95 then 'completed' else 'cancelled' end
        when j.age < 30 * 86400 then case when r.u < 0.005 then 'created' when r.u < 0.02 then 'in_progress' when r.u < 0.05 then 'waiting_for_parts' when r.u < 0.93 then 'completed' else 'cancelled' end
        else case when r.u < 0.0001 then 'created' when r.u < 0.0004 then 'in_progress' when r.u < 0.001 then 'waiting_for_parts' when r.u < 0.93 then 'completed' else 'cancelled' end
      end as status) as st
    cross join lateral (select st.status, case st.status
        when 'created' then '{created}'::text[]
        when 'in_progress' then '{created,in_progress}'::text[]
        when 'waiting_for_parts' then '{created,in_progress,waiting_for_parts}'::text[]
        when 'completed' then case when r.u2 < 0.2 then '{created,in_progress,waiting_for_parts,in_progress,completed}'::text[] else '{created,in_progress,completed}'::text[] end
        else case when r.u2 < 0.6 then '{created,cancelled}'::text[] else '{created,in_progress,cancelled}'::text[] end
      end as path) as s
    cross join lateral (select case when pg_temp.rnd(34, j.j) < 0.06 then ${BUSY_MECHANIC} else 2 + floor(pg_temp.rnd(35, j.j) * ${BENCH_WORKERS - 1})::int end as w1) as w
    join b_veh vb on vb.vi = j.vi
    cross join lateral (select vb.id, (greatest(1, extract(year from ${anchor})::int - vb.year) * (9000 + pg_temp.rnd(57, j.j) * 8000))::int as odometer_now) as veh`,
  );
  // The busy mechanic's newest job in progress gets 50 notes.
  const [fifty] = (await run(`update b_job set note_count = 50, fifty = true
    where j = (select j from b_job order by (status = 'in_progress') desc, (w1 = ${BUSY_MECHANIC} and assigned) desc, j desc limit 1)
    returning id::text as id`)) as { id: string }[];
  if (!fifty) throw new Error('no job to give 50 notes');

  // Vehicles sold (archived) after their last job; customers whose only vehicle went, sometimes archived too.
  await run(`create temp table b_vlast on commit drop as
    select vehicle_id, max(created_at + make_interval(secs => dur)) as last_at, bool_or(status not in ('completed', 'cancelled')) as open
    from b_job group by vehicle_id`);
  await run(`create temp table b_varch on commit drop as
    select b.id, date_trunc('second', least(${anchor} - interval '1 hour', greatest(coalesce(l.last_at, b.created_at), b.created_at) + interval '3 days')) as archived_at
    from b_veh b left join b_vlast l on l.vehicle_id = b.id
    where pg_temp.rnd(80, b.v) < 0.01 and not coalesce(l.open, false)
      and greatest(coalesce(l.last_at, b.created_at), b.created_at) + interval '3 days' < ${anchor} - interval '1 hour'`);

  await run(`create temp table b_carch on commit drop as
    select b.owner as c, max(va.archived_at) as archived_at from b_veh b left join b_varch va on va.id = b.id
    group by b.owner having count(va.id) = count(*)`);
  await step(
    'customers',
    `insert into customers (id, kind, name, company, phone, email, address, notes, archived_at, created_by, created_at, updated_at)
    select cu.id, (case when cu.business then 'business' else 'individual' end)::customer_kind, n.name,
      case when cu.business then n.name end,
      '555-' || substr(p.digits, 1, 3) || '-' || substr(p.digits, 4, 4),
      case when pg_temp.rnd(24, cu.c) < 0.8 then lower(regexp_replace(n.name, '[^A-Za-z0-9]+', '.', 'g')) || cu.c || '@example.net' end,
      (1 + floor(pg_temp.rnd(25, cu.c) * 998)::int) || ' ' || ${pick(streets, 'pg_temp.rnd(26, cu.c)')} || ', ' || ${pick(cities, 'pg_temp.rnd(27, cu.c)')},
      case when pg_temp.rnd(28, cu.c) < 0.05 then 'Prefers text messages.' when pg_temp.rnd(28, cu.c) < 0.07 then 'Pays by bank transfer, send invoices by email.' end,
      ca.archived_at,
      case when pg_temp.rnd(29, cu.c) < 0.7 then k.admin else k.workers[1 + floor(pg_temp.rnd(23, cu.c) * ${BENCH_WORKERS})::int] end,
      cu.created_at, coalesce(ca.archived_at, cu.created_at)
    from b_cust cu cross join b_const k
    cross join lateral (select case when cu.business
        then ${pick(businessFirst, 'pg_temp.rnd(21, cu.c)')} || ' ' || ${pick(businessSecond, 'pg_temp.rnd(22, cu.c)')} || ' ' || ${pick(businessSuffix, 'pg_temp.rnd(19, cu.c)')}
        else ${pick(firstNames, 'pg_temp.rnd(21, cu.c)')} || ' ' || ${pick(lastNames, 'pg_temp.rnd(22, cu.c)')} end as name) as n
    cross join lateral (select lpad(((cu.c::bigint * 982451653) % 10000000)::text, 7, '0') as digits) as p
    left join b_carch ca on ca.c = cu.c and cu.c % 500 <> 1 and pg_temp.rnd(81, cu.c) < 0.5
    order by cu.c`,
  );

  const yearCodes = 'ABCDEFGHJKLMNPRSTVWXY';
  const vinAlphabet = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const vinChar = (t: number) =>
    `substr('${vinAlphabet}', 1 + floor(pg_temp.rnd(${t}, b.v) * ${vinAlphabet.length})::int, 1)`;
  await step(
    'vehicles',
    `insert into vehicles (id, customer_id, vin, plate, make, model, year, color, odometer, archived_at, created_at, updated_at)
    select b.id, cu.id,
      case when pg_temp.rnd(60, b.v) < 0.02 then null else overlay(d.draft placing pg_temp.vin_check(d.draft) from 9 for 1) end,
      case when pg_temp.rnd(61, b.v) < 0.01 then null else
        chr(65 + floor(pg_temp.rnd(62, b.v) * 26)::int) || chr(65 + floor(pg_temp.rnd(63, b.v) * 26)::int) || chr(65 + floor(pg_temp.rnd(64, b.v) * 26)::int)
        || '-' || lpad(((b.v * 7919) % 10000)::text, 4, '0') end,
      (${textArray(models.map((m) => m[1]))})[b.m], (${textArray(models.map((m) => m[2]))})[b.m], b.year,
      ${pick(colors, 'pg_temp.rnd(65, b.v)')},
      (greatest(1, extract(year from ${anchor})::int - b.year) * (9000 + pg_temp.rnd(66, b.v) * 8000))::int,
      va.archived_at, b.created_at, coalesce(va.archived_at, b.created_at)
    from b_veh b join b_cust cu on cu.c = b.owner
    left join b_varch va on va.id = b.id
    cross join lateral (select (${textArray(models.map((m) => m[0]))})[b.m] || ${vinChar(67)} || ${vinChar(68)} || ${vinChar(69)} || ${vinChar(70)} || ${vinChar(71)}
        || '0' || case when b.year <= 2009 then (b.year - 2000)::text else substr('${yearCodes}', b.year - 2009, 1) end
        || lpad(b.v::text, 7, '0') as draft) as d
    order by b.vi`,
  );

  await step(
    'jobs',
    `insert into jobs (id, vehicle_id, title, description, status, priority, odometer_in, promised_at, created_by,
      created_at, updated_at, completed_at, cancelled_at, cancel_reason, version, has_live_invoice)
    select b.id, b.vehicle_id, (${textArray(complaints.map((c) => c[0]))})[t.i],
      case when b.fifty then ${quote(FIFTY_NOTES_MARKER)} when pg_temp.rnd(44, b.j) < 0.8 then (${textArray(complaints.map((c) => c[1]))})[t.i] end,
      b.status::job_status,
      (case when pg_temp.rnd(42, b.j) < 0.1 then 'low' when pg_temp.rnd(42, b.j) < 0.75 then 'normal' when pg_temp.rnd(42, b.j) < 0.95 then 'high' else 'urgent' end)::job_priority,
      case when pg_temp.rnd(48, b.j) < 0.9 then greatest(0, b.odometer_now - floor(b.age / 86400 * (20 + pg_temp.rnd(49, b.j) * 30))::int) end,
      case when pg_temp.rnd(85, b.j) < 0.85 then date_trunc('hour', b.created_at) + (1 + floor(pg_temp.rnd(58, b.j) * 4)::int) * interval '1 day' end,
      case when b.creator = 0 then k.admin else k.workers[b.creator] end,
      b.created_at, e.end_at,
      case when b.status = 'completed' then e.end_at end,
      case when b.status = 'cancelled' then e.end_at end,
      case when b.status = 'cancelled' then ${pick(cancelReasons, 'pg_temp.rnd(59, b.j)')} end,
      array_length(b.path, 1),
      coalesce(b.status = 'completed' and b.invoice_u < 0.75, false) -- the invoices step issues exactly these (below)
    from b_job b cross join b_const k
    cross join lateral (select 1 + floor(pg_temp.rnd(43, b.j) * ${complaints.length})::int as i) as t
    cross join lateral (select b.created_at + make_interval(secs => b.dur) as end_at) as e
    order by b.created_at, b.j`,
  );
  // (The identity column numbered the jobs in insertion order, that is by creation time.)

  await step(
    'job status history',
    `insert into job_status_changes (job_id, from_status, to_status, changed_by, changed_at, reason)
    select b.id, (case when s.k = 1 then null else b.path[s.k - 1] end)::job_status, b.path[s.k]::job_status,
      case when s.k = 1 then (case when b.creator = 0 then k.admin else k.workers[b.creator] end)
           when b.path[s.k] = 'cancelled' then k.admin else k.workers[b.w1] end,
      b.created_at + make_interval(secs => b.dur * (s.k - 1) / greatest(array_length(b.path, 1) - 1, 1)),
      case when b.path[s.k] = 'cancelled' then j.cancel_reason end
    from b_job b cross join b_const k
    join jobs j on j.id = b.id
    cross join lateral generate_series(1, array_length(b.path, 1)) as s(k)
    order by b.created_at, b.j, s.k`,
  );

  await step(
    'assignments',
    `insert into job_assignments (job_id, worker_id, assigned_by, assigned_at, unassigned_at, unassigned_by)
    select b.id, k.workers[a.w], k.admin, least(${anchor}, b.created_at + a.at_offset),
      case when a.gone then least(${anchor}, b.created_at + interval '8 minutes') end, case when a.gone then k.admin end
    from b_job b cross join b_const k
    cross join lateral (values (b.w1, interval '10 minutes', false), (b.w2, interval '10 minutes', false), (b.w3, interval '5 minutes', true)) as a(w, at_offset, gone)
    where a.w is not null and (b.assigned or a.gone)
    order by b.created_at, b.j`,
  );

  await step(
    'notes',
    `insert into job_notes (id, job_id, author_id, body, created_at)
    select pg_temp.uid(5, b.j * 64 + n.k), b.id,
      case when b.assigned and n.k % 2 = 1 then k.workers[b.w1] else k.admin end,
      ${pick(noteTexts, 'pg_temp.rnd(50, b.j * 64 + n.k)')},
      date_trunc('second', b.created_at + make_interval(secs => n.k::float8 / (b.note_count + 1)
        * greatest(b.dur, least(b.age * 0.9, case when b.fifty then b.age * 0.9 else 4 * 3600 end))))
    from b_job b cross join b_const k
    cross join lateral generate_series(1, b.note_count) as n(k)
    order by b.created_at, b.j, n.k`,
  );

  // ---- invoices: most completed jobs; a few voided (and usually issued again).
  await step(
    'invoices (plan)',
    `create temp table b_inv0 on commit drop as
    select b.j, b.id as job_id, v.status, v.issued_at, v.voided_at, b.created_at + make_interval(secs => b.dur) as completed_at
    from b_job b
    cross join lateral (select b.created_at + make_interval(secs => b.dur) as done,
        least(pg_temp.rnd(76, b.j) * 2 * 86400, extract(epoch from ${anchor} - (b.created_at + make_interval(secs => b.dur))) * 0.5) as delay) as d
    cross join lateral (values
        ('issued', d.done + make_interval(secs => d.delay), null::timestamptz, b.invoice_u < 0.75),
        ('void', d.done + make_interval(secs => d.delay * 0.3), d.done + make_interval(secs => d.delay * 0.6), b.invoice_u >= 0.745 and b.invoice_u < 0.755)
      ) as v(status, issued_at, voided_at, wanted)
    where b.status = 'completed' and v.wanted`,
  );
  await run(`drop function if exists pg_temp.inv_lines(bigint, int, bigint, int, int, int)`);
  await run(`create function pg_temp.inv_lines(o bigint, n int, labor_rate bigint, labor_bp int, part_bp int, fee_bp int)
    returns table (pos int, kind text, description text, qh int, price bigint, bp int, total bigint, tax bigint)
    language sql immutable as $$
      select k, kind, description, qh, price, bp, total, (total * bp + 5000) / 10000 from (
        select k, kind, description, qh, price, bp, (qh::bigint * price + 50) / 100 as total from (
          select k, kind,
            case kind when 'labor' then ${pick(laborTexts, 'pg_temp.rnd(90, o)')}
                      when 'fee' then 'Shop supplies' else (${textArray(parts.map((p) => p[0]))})[p] end as description,
            case kind when 'labor' then 50 + 25 * floor(pg_temp.rnd(91, o) * 22)::int
                      when 'fee' then 100 else 100 * (1 + floor(pg_temp.rnd(92, o * 8 + k) * 3)::int) end as qh,
            case kind when 'labor' then labor_rate
                      when 'fee' then 1500 + 100 * floor(pg_temp.rnd(93, o) * 20)::bigint
                      else ((${intArray(parts.map((p) => p[1]))})[p] * (0.85 + 0.3 * pg_temp.rnd(94, o * 8 + k)))::bigint end as price,
            case kind when 'labor' then labor_bp when 'fee' then fee_bp else part_bp end as bp
          from (select k, case when k = 1 then 'labor' when k = n and n >= 3 and pg_temp.rnd(95, o) < 0.4 then 'fee' else 'part' end as kind,
                       1 + floor(pg_temp.rnd(96, o * 8 + k) * ${parts.length})::int as p
                from generate_series(1, n) as k) as lines) as priced) as totals $$`);
  // Numbers continue each year's counter; nobody else may take one until this transaction ends.
  await run(`lock table invoice_counters in share row exclusive mode`);
  await step(
    'invoices (totals, numbers, payments)',
    `create temp table b_inv on commit drop as
    select x.*, x.base + row_number() over (partition by x.year order by x.issued_at, x.o) as sequence
    from (
      select i.*, pg_temp.uid(6, i.o) as id, coalesce(c.last_number, 0) as base, t.line_count, t.subtotal, t.tax, t.subtotal + t.tax as total,
        case when i.status = 'void' then 'void'
             when pay.u < case when i.age > 60 * 86400 then 0.96 else 0.55 end then 'paid'
             when pay.u < case when i.age > 60 * 86400 then 0.985 else 0.70 end and t.subtotal + t.tax >= 2 then 'partial'
             else 'unpaid' end as payment_plan,
        pg_temp.rnd(71, i.o) < 0.15 and t.subtotal + t.tax >= 2 as two_payments
      from (select row_number() over (order by issued_at, j, status) as o, b.*, extract(year from issued_at at time zone 'UTC')::int as year,
                   extract(epoch from ${anchor} - issued_at) as age, 1 + floor(pg_temp.rnd(97, b.j) * 5)::int as n_lines
            from b_inv0 b) as i
      cross join b_const k
      cross join lateral (select count(*)::int as line_count, sum(l.total)::bigint as subtotal, sum(l.tax)::bigint as tax
                          from pg_temp.inv_lines(i.o, i.n_lines, k.labor_rate, k.labor_bp, k.part_bp, k.fee_bp) as l) as t
      cross join lateral (select pg_temp.rnd(70, i.o) as u) as pay
      left join invoice_counters c on c.year = i.year) as x`,
  );
  await run(`create temp table b_pay on commit drop as
    select i.id as invoice_id, i.o, p.n, p.amount, i.issued_at + make_interval(secs => p.offset_s) as received_at
    from b_inv i
    cross join lateral (select least(i.age, 60 * 86400) as avail, pg_temp.rnd(73, i.o) as r1, pg_temp.rnd(74, i.o) as r2) as a
    cross join lateral (values
        (1, case when i.payment_plan = 'partial' then least(i.total - 1, greatest(1, floor(i.total * (0.2 + 0.6 * pg_temp.rnd(72, i.o)))::bigint))
                 when i.two_payments then i.total / 2 else i.total end, a.avail * 0.5 * a.r1),
        (2, case when i.two_payments and i.payment_plan = 'paid' then i.total - i.total / 2 end, a.avail * 0.5 * a.r1 + (a.avail * 0.9 - a.avail * 0.5 * a.r1) * a.r2)
      ) as p(n, amount, offset_s)
    where i.payment_plan in ('paid', 'partial') and p.amount is not null and p.amount > 0`);
  await step(
    'invoices',
    `insert into invoices (id, job_id, number, year, sequence, status, currency, line_count, subtotal_cents, tax_cents,
      total_cents, paid_cents, issued_at, issued_by, voided_at, voided_by, void_reason,
      customer_id, bill_to_name, bill_to_company, bill_to_address, bill_to_phone, bill_to_email, vehicle_year,
      vehicle_make, vehicle_model, vehicle_plate, vehicle_vin, vehicle_color, vehicle_odometer, job_number, job_title)
    select i.id, i.job_id, 'INV-' || i.year || '-' || case when length(i.sequence::text) >= 4 then i.sequence::text else lpad(i.sequence::text, 4, '0') end,
      i.year, i.sequence, i.status::invoice_status, k.currency, i.line_count, i.subtotal, i.tax, i.total,
      coalesce(pd.paid, 0), i.issued_at, k.admin, i.voided_at, case when i.status = 'void' then k.admin end,
      case when i.status = 'void' then ${pick(voidReasons, 'pg_temp.rnd(98, i.o)')} end,
      c.id, c.name, c.company, c.address, c.phone, c.email, v.year,
      v.make, v.model, v.plate, v.vin, v.color, coalesce(j.odometer_in, v.odometer), j.number, j.title
    from b_inv i cross join b_const k
    join jobs j on j.id = i.job_id join vehicles v on v.id = j.vehicle_id join customers c on c.id = v.customer_id
    left join (select invoice_id, sum(amount)::bigint as paid from b_pay group by invoice_id) as pd on pd.invoice_id = i.id
    order by i.o`,
  );
  await step(
    'invoice lines',
    `insert into invoice_lines (id, invoice_id, position, kind, description, quantity, unit_price_cents,
      tax_rate_basis_points, line_total_cents, tax_cents)
    select pg_temp.uid(7, i.o * 8 + l.pos), i.id, l.pos, l.kind::invoice_line_kind, l.description, (l.qh::numeric / 100)::numeric(12, 2),
      l.price, l.bp, l.total, l.tax
    from b_inv i cross join b_const k
    cross join lateral pg_temp.inv_lines(i.o, i.n_lines, k.labor_rate, k.labor_bp, k.part_bp, k.fee_bp) as l
    order by i.o, l.pos`,
  );
  await step(
    'payments',
    `insert into payments (id, invoice_id, amount_cents, method, received_at, recorded_by, created_at)
    select pg_temp.uid(8, p.o * 4 + p.n), p.invoice_id, p.amount,
      (case when pg_temp.rnd(75, p.o * 4 + p.n) < 0.55 then 'card' when pg_temp.rnd(75, p.o * 4 + p.n) < 0.7 then 'cash'
            when pg_temp.rnd(75, p.o * 4 + p.n) < 0.95 then 'bank_transfer' else 'other' end)::payment_method,
      date_trunc('second', p.received_at),
      case when pg_temp.rnd(77, p.o * 4 + p.n) < 0.6 then k.admin else k.workers[1 + floor(pg_temp.rnd(78, p.o * 4 + p.n) * ${BENCH_WORKERS})::int] end,
      date_trunc('second', p.received_at)
    from b_pay p cross join b_const k
    order by p.o, p.n`,
  );
  await run(`insert into invoice_counters (year, last_number)
    select year, max(sequence) from b_inv group by year
    on conflict (year) do update set last_number = excluded.last_number`);

  await generatePartsData(run, step, { scale: options.scale, fiftyNotesJobId: fifty.id });
  await generateEstimatesData(run, step, { scale: options.scale, fiftyNotesJobId: fifty.id });
  await generateTimeData(run, step, { anchor, workers: BENCH_WORKERS });

  if (options.rebuildIndexes) {
    for (const index of indexDefinitions) await step(`index ${index.name}`, index.def);
  }
  for (const fn of [
    'rnd(int, bigint)',
    'uid(int, bigint)',
    'vin_check(text)',
    'inv_lines(bigint, int, bigint, int, int, int)',
  ]) {
    await run(`drop function if exists pg_temp.${fn}`);
  }
  const [written] = (await run(`select
      (select count(*) from b_cust)::int as customers, (select count(*) from b_veh)::int as vehicles,
      (select count(*) from b_job)::int as jobs, (select coalesce(sum(note_count), 0) from b_job)::int as notes,
      (select count(*) from b_inv)::int as invoices, (select count(*) from b_pay)::int as payments`)) as Record<
    string,
    number
  >[];
  return { fiftyNotesJobId: fifty.id, counts: written! };
}

// ------------------------------------------------------------------------------------------ invariants
export type Check = { check: string; bad: number };

/**
 * The rules the triggers would have held, checked with SQL over the whole database: each query counts the
 * rows that break one rule (0 is good).
 */
export async function verifyDataset(run: Run): Promise<Check[]> {
  const checks: [string, string][] = [
    [
      'jobs whose history does not start with one NULL → created row, end at their status, or count their version',
      `select count(*) from jobs j
        left join (select job_id, count(*) as n, count(*) filter (where from_status is null) as firsts,
                          (array_agg(to_status order by changed_at desc, id desc))[1] as last
                   from job_status_changes group by job_id) c on c.job_id = j.id
        where c.job_id is null or c.firsts <> 1 or c.last <> j.status or c.n <> j.version`,
    ],
    [
      'status changes that are not an allowed transition or do not follow the previous one',
      `select count(*) from (
        select from_status, to_status, lag(to_status) over (partition by job_id order by changed_at, id) as previous from job_status_changes) c
        where (c.from_status is null and c.previous is not null) or (c.from_status is not null and (c.previous is distinct from c.from_status
          or (c.from_status, c.to_status) not in (('created','in_progress'),('created','cancelled'),('in_progress','waiting_for_parts'),
            ('in_progress','completed'),('in_progress','cancelled'),('waiting_for_parts','in_progress'),('waiting_for_parts','cancelled'),('completed','in_progress'))))`,
    ],
    [
      'invoices of jobs that are not completed',
      `select count(*) from invoices i join jobs j on j.id = i.job_id where j.status <> 'completed'`,
    ],
    [
      'jobs with more than one live invoice',
      `select count(*) from (select job_id from invoices where status <> 'void' group by job_id having count(*) > 1) x`,
    ],
    [
      'jobs whose has_live_invoice does not say whether they have a live invoice',
      `select count(*) from jobs j
        where j.has_live_invoice <> exists (select 1 from invoices i where i.job_id = j.id and i.status <> 'void')`,
    ],
    [
      'invoices whose lines do not add up to the totals',
      `select count(*) from invoices i left join (select invoice_id, count(*) n, sum(line_total_cents) s, sum(tax_cents) t from invoice_lines group by invoice_id) l on l.invoice_id = i.id
        where l.n is distinct from i.line_count::bigint or l.s is distinct from i.subtotal_cents::numeric or l.t is distinct from i.tax_cents::numeric`,
    ],
    [
      'invoice lines not priced by the rounding rule',
      `select count(*) from invoice_lines where line_total_cents <> ((quantity * 100)::bigint * unit_price_cents + 50) / 100 or tax_cents <> (line_total_cents * tax_rate_basis_points + 5000) / 10000`,
    ],
    [
      'invoices whose paid total is not the sum of their payments or exceeds the total',
      `select count(*) from invoices i left join (select invoice_id, sum(amount_cents) s from payments group by invoice_id) p on p.invoice_id = i.id
        where i.paid_cents <> coalesce(p.s, 0) or i.paid_cents > i.total_cents`,
    ],
    [
      'payments on void invoices',
      `select count(*) from payments p join invoices i on i.id = p.invoice_id where i.status = 'void'`,
    ],
    [
      'invoice years whose numbers are not gapless 1..n',
      `select count(*) from (select year, count(*) n, max(sequence) m, min(sequence) lo from invoices group by year) y where y.n <> y.m or y.lo <> 1`,
    ],
    [
      'invoice counters not at the last number of their year',
      `select count(*) from (select year, max(sequence) m from invoices group by year) y left join invoice_counters c using (year) where c.last_number is distinct from y.m`,
    ],
    [
      'invoice numbers not INV-YYYY-NNNN',
      `select count(*) from invoices where number <> 'INV-' || year || '-' || case when length(sequence::text) >= 4 then sequence::text else lpad(sequence::text, 4, '0') end or year <> extract(year from issued_at at time zone 'UTC')`,
    ],
    [
      '17-character VINs with a wrong check digit',
      `select count(*) from vehicles v cross join lateral (select sum(substr(translate(v.vin, 'ABCDEFGHJKLMNPRSTUVWXYZ', '12345678123457923456789'), k, 1)::int * (${intArray([8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2])})[k]) s from generate_series(1, 17) k) w
        where length(v.vin) = 17 and v.vin ~ '^[A-HJ-NPR-Z0-9]{17}$' and substr(v.vin, 9, 1) <> case w.s % 11 when 10 then 'X' else (w.s % 11)::text end`,
    ],
    [
      'timestamps in the future or out of order',
      `select (select count(*) from jobs where created_at > now() or updated_at < created_at or completed_at < created_at or cancelled_at < created_at)
        + (select count(*) from job_status_changes c join jobs j on j.id = c.job_id where c.changed_at < j.created_at or c.changed_at > now())
        + (select count(*) from job_notes n join jobs j on j.id = n.job_id where n.created_at < j.created_at or n.created_at > now())
        + (select count(*) from invoices i join jobs j on j.id = i.job_id where i.issued_at < j.completed_at or i.issued_at > now())
        + (select count(*) from payments p join invoices i on i.id = p.invoice_id where p.received_at < date_trunc('second', i.issued_at) or p.received_at > now())`,
    ],
    [
      'jobs on vehicles registered after the job',
      `select count(*) from jobs j join vehicles v on v.id = j.vehicle_id where v.created_at > j.created_at`,
    ],
    [
      'open jobs on archived vehicles',
      `select count(*) from jobs j join vehicles v on v.id = j.vehicle_id where v.archived_at is not null and j.status not in ('completed', 'cancelled')`,
    ],
    [
      'rows pointing at a missing row (foreign keys)',
      `select (select count(*) from vehicles v where not exists (select 1 from customers c where c.id = v.customer_id))
        + (select count(*) from jobs j where not exists (select 1 from vehicles v where v.id = j.vehicle_id))
        + (select count(*) from job_notes n where not exists (select 1 from jobs j where j.id = n.job_id))
        + (select count(*) from job_notes n where not exists (select 1 from users u where u.id = n.author_id))
        + (select count(*) from job_status_changes c where not exists (select 1 from jobs j where j.id = c.job_id))
        + (select count(*) from job_assignments a where not exists (select 1 from jobs j where j.id = a.job_id) or not exists (select 1 from users u where u.id = a.worker_id))
        + (select count(*) from invoices i where not exists (select 1 from jobs j where j.id = i.job_id))
        + (select count(*) from invoice_lines l where not exists (select 1 from invoices i where i.id = l.invoice_id))
        + (select count(*) from payments p where not exists (select 1 from invoices i where i.id = p.invoice_id))
        + (select count(*) from customers c where not exists (select 1 from users u where u.id = c.created_by))`,
    ],
  ];
  const results: Check[] = [];
  for (const [check, query] of checks) {
    const [row] = await run(`select (${query})::bigint::text as bad`);
    results.push({ check, bad: Number(row!.bad) });
  }
  return results;
}
