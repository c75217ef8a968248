// npm run bench:data -- --scale 1 [--seed 42] [--anchor 2026-06-01T00:00:00Z] [--reset]
//
// Fills the PostgreSQL database in DATABASE_URL with the benchmark dataset (tests/bench/dataset.ts) in one
// transaction, verifies the invariants with SQL, then VACUUM ANALYZE. Refuses a database holding anything but
// benchmark data. With --reset it empties a database that holds only benchmark data and fills it again.
import pg from 'pg';
import { migrateDatabase } from '../../db/migrate';
import { hashPassword } from '../../db/auth/passwords';
import {
  BENCH_EMAIL_PATTERN,
  BENCH_PASSWORDS,
  datasetCounts,
  generateDataset,
  SHOP_NAME,
  verifyDataset,
  type Run,
} from './dataset';
import { businessTables, logTables } from '../../db/schema';

type Args = { scale: number; seed: number; anchor: Date; reset: boolean };

function parseArgs(argv: string[]): Args {
  const args: Args = { scale: 1, seed: 42, anchor: defaultAnchor(), reset: false };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag === '--reset') args.reset = true;
    else if (flag === '--scale' && value) {
      args.scale = Number(value);
      index++;
    } else if (flag === '--seed' && value) {
      args.seed = Number(value);
      index++;
    } else if (flag === '--anchor' && value) {
      args.anchor = new Date(value);
      index++;
    } else if (flag === '--help' || flag === '-h') {
      console.log('usage: npm run bench:data -- [--scale 1] [--seed 42] [--anchor ISO-date] [--reset]');
      process.exit(0);
    } else {
      fail(`unknown argument ${flag}`);
    }
  }
  if (!Number.isFinite(args.scale) || args.scale < 0.001 || args.scale > 10)
    fail('--scale must be a number between 0.001 and 10');
  if (!Number.isInteger(args.seed)) fail('--seed must be an integer');
  if (Number.isNaN(args.anchor.getTime())) fail('--anchor must be a date, e.g. 2026-06-01T00:00:00Z');
  return args;
}

/** The start of the current hour: the dataset's history ends "now", so open jobs are recent. */
function defaultAnchor(): Date {
  const now = new Date();
  now.setUTCMinutes(0, 0, 0);
  return now;
}

function fail(message: string): never {
  console.error(`bench:data: ${message}`);
  process.exit(1);
}

/** Every table the dataset replaces: the business tables, newest dependants first, and the logs. */
const BUSINESS_TABLES = [...Object.keys(logTables), ...[...businessTables].reverse()];

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url) {
    fail(
      'DATABASE_URL is not set. The benchmark dataset goes into a PostgreSQL database of its own, e.g.\n' +
        '  psql -h 127.0.0.1 -U postgres -c "create database workshop_bench"\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/workshop_bench npm run bench:data -- --scale 0.1',
    );
  }
  const counts = datasetCounts(args.scale);
  const began = Date.now();
  console.log(`bench:data → ${url.replace(/\/\/[^@]*@/, '//…@')}`);
  console.log(
    `  scale ${args.scale}: ${counts.customers} customers, ${counts.vehicles} vehicles, ${counts.jobs} jobs, ~${counts.notesTarget} notes, ~${counts.invoicesTarget} invoices; seed ${args.seed}, anchor ${args.anchor.toISOString()}`,
  );
  await migrateDatabase({ kind: 'postgres', url });

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run: Run = async (text) => (await client.query(text)).rows;
  try {
    await run(`set client_min_messages = warning`);
    // Whose data is this? Only an empty database or one this script filled is ours to write.
    const [state] = (await run(`select
        (select count(*) from users)::int as users,
        (select count(*) from users where email !~ '${BENCH_EMAIL_PATTERN}')::int as foreign_users,
        (select min(email) from users where email !~ '${BENCH_EMAIL_PATTERN}') as example,
        (select count(*) from customers)::int as customers,
        (select count(*) from shop_settings where shop_name <> '${SHOP_NAME}')::int as foreign_settings,
        (select address from shop_settings where shop_name = '${SHOP_NAME}') as dataset`)) as {
      users: number;
      foreign_users: number;
      example: string | null;
      customers: number;
      foreign_settings: number;
      dataset: string | null;
    }[];
    if (state!.foreign_users > 0 || state!.foreign_settings > 0 || (state!.users === 0 && state!.customers > 0)) {
      fail(
        `refusing to write: this database holds data that is not benchmark data` +
          (state!.example ? ` (e.g. the user ${String(state!.example)})` : '') +
          `.\nUse an empty database of its own (see tests/bench/README.md).`,
      );
    }
    if (state!.users > 0) {
      if (!args.reset) {
        console.log(
          `  already holds benchmark data (${String(state!.dataset ?? 'unknown scale')}); run with --reset to generate it again.`,
        );
        return;
      }
      console.log('  --reset: emptying the benchmark data');
      await run('begin');
      await run('set local session_replication_role = replica');
      await run(`truncate ${BUSINESS_TABLES.join(', ')} restart identity`);
      await run('commit');
    }

    console.log('  hashing the bench passwords (argon2id)');
    const [adminHash, workerHash] = await Promise.all([
      hashPassword(BENCH_PASSWORDS.admin),
      hashPassword(BENCH_PASSWORDS.worker),
    ]);

    await run('begin');
    const result = await generateDataset(run, {
      scale: args.scale,
      seed: args.seed,
      anchor: args.anchor,
      adminHash,
      workerHash,
      rebuildIndexes: true,
      log: (message) => console.log(message),
    });
    console.log('  verifying the invariants');
    const checks = await verifyDataset(run);
    for (const check of checks)
      console.log(`    ${check.bad === 0 ? 'ok  ' : 'FAIL'} ${check.check}${check.bad ? `: ${check.bad}` : ''}`);
    if (checks.some((check) => check.bad > 0)) {
      await run('rollback');
      fail('invariants broken: nothing was written');
    }
    let step = Date.now();
    await run('commit');
    console.log(`  committed (${((Date.now() - step) / 1000).toFixed(1)} s)`);
    step = Date.now();
    await run('vacuum (analyze)');
    console.log(`  vacuum analyze (${((Date.now() - step) / 1000).toFixed(1)} s)`);

    const tables =
      await run(`select relname as table, n_live_tup::bigint::text as rows, pg_size_pretty(pg_total_relation_size(relid)) as size
      from pg_stat_user_tables where relname in (${BUSINESS_TABLES.map((t) => `'${t}'`).join(',')}) order by pg_total_relation_size(relid) desc`);
    console.log('  table                 rows        size');
    for (const row of tables)
      console.log(
        `  ${String(row.table).padEnd(20)} ${String(row.rows).padStart(10)}  ${String(row.size).padStart(9)}`,
      );
    const [db] = await run(`select pg_size_pretty(pg_database_size(current_database())) as size`);
    console.log(`  database size ${String(db!.size)}; job with 50 notes: ${result.fiftyNotesJobId}`);
    console.log(`bench:data done in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
