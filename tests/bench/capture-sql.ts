// Child process of tests/bench/run.ts: calls the data-layer functions behind each read once (tests/bench/scenarios.ts)
// and writes the SQL they sent to a JSON file, which the raw-SQL floor server replays.
// Run as: node --conditions=react-server --import tsx tests/bench/capture-sql.ts <fixtures.json> <out.json>
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { inArray } from 'drizzle-orm';
import pg from 'pg';
import { closeDb, getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { DataKey, Fixtures } from './routes';
import { captureStatements, dataCalls, type Actors, type Statement } from './scenarios';

// The statements the data layer prepares (named, planned once per connection) are replayed prepared by the
// floor too, under the same name: the floor is the same SQL sent the same way, without the framework.
const preparedNames = new Map<string, string>();
const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0];
  if (
    config &&
    typeof config === 'object' &&
    'name' in config &&
    'text' in config &&
    typeof config.name === 'string' &&
    config.name
  ) {
    preparedNames.set(String(config.text), config.name);
  }
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

async function main() {
  const [fixturesFile, outFile] = process.argv.slice(2);
  if (!fixturesFile || !outFile) throw new Error('usage: capture-sql.ts <fixtures.json> <out.json>');
  const fixtures = JSON.parse(readFileSync(fixturesFile, 'utf8')) as Fixtures;
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(inArray(users.id, [fixtures.adminId, fixtures.mechanicId]));
  const admin = rows.find((row) => row.id === fixtures.adminId);
  const mechanic = rows.find((row) => row.id === fixtures.mechanicId);
  if (!admin || !mechanic) throw new Error('bench users not found');
  // A worker with no jobs: the statements are the same for any such id.
  const newcomer = { id: randomUUID(), email: 'newcomer@bench.example', name: 'New Mechanic', role: 'worker' as const };
  const actors: Actors = { admin, mechanic, newcomer };
  const out: Partial<Record<DataKey, Statement[] | { error: string }>> = {};
  for (const [key, call] of Object.entries(dataCalls) as [DataKey, (typeof dataCalls)[DataKey]][]) {
    try {
      out[key] = (await captureStatements(() => call(actors, fixtures))).map((statement) => {
        const name = preparedNames.get(statement.sql);
        return name ? { ...statement, name } : statement;
      });
    } catch (error) {
      out[key] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  writeFileSync(
    outFile,
    JSON.stringify(out, (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value)),
  );
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
