// Child process of bench/run.ts: calls the data-layer functions behind each read once (bench/scenarios.ts)
// and writes the SQL they sent to a JSON file, which the raw-SQL floor server replays.
// Run as: node --conditions=react-server --import tsx bench/capture-sql.ts <fixtures.json> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { inArray } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { DataKey, Fixtures } from './routes';
import { captureStatements, dataCalls, type Actors, type Statement } from './scenarios';

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
  const actors: Actors = { admin, mechanic };
  const out: Partial<Record<DataKey, Statement[] | { error: string }>> = {};
  for (const [key, call] of Object.entries(dataCalls) as [DataKey, (typeof dataCalls)[DataKey]][]) {
    try {
      out[key] = await captureStatements(() => call(actors, fixtures));
    } catch (error) {
      out[key] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  writeFileSync(outFile, JSON.stringify(out, (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value)));
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
