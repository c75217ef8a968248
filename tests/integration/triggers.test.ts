// The business tables of db/schema.ts against the triggers the migrations made: a table added to the schema
// without its refuse-delete or audit trigger (or a trigger list in a migration that forgot a table) fails here.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditedTables, businessTables, logTables, unauditedBusinessTables } from '@/db/schema';

type TriggerRow = { table: string; name: string; event: string; timing: string; statement: string };

async function rowsOf<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const db = await getDb();
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function triggers(): Promise<TriggerRow[]> {
  return rowsOf<TriggerRow>(sql`
    select event_object_table as "table", trigger_name as "name", event_manipulation as "event",
      action_timing as "timing", action_statement as "statement"
    from information_schema.triggers where trigger_schema = 'public'`);
}

/** TRUNCATE triggers are not in information_schema.triggers (the standard has no TRUNCATE): pg_trigger has them. */
async function truncateTriggers(): Promise<{ table: string; name: string }[]> {
  return rowsOf(sql`
    select c.relname as "table", t.tgname as "name" from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where c.relnamespace = 'public'::regnamespace and not t.tgisinternal and (t.tgtype & 32) <> 0`);
}

function has(rows: TriggerRow[], table: string, name: string, event: string, timing: string, fn: string): boolean {
  return rows.some(
    (row) =>
      row.table === table &&
      row.name === name &&
      row.event === event &&
      row.timing === timing &&
      row.statement.includes(`${fn}()`),
  );
}

describe('the database keeps every business table', () => {
  it('refuses deleting a row of any business table', async () => {
    const rows = await triggers();
    const missing = businessTables.filter(
      (table) => !has(rows, table, `${table}_refuse_delete`, 'DELETE', 'BEFORE', 'refuse_delete'),
    );
    expect(missing).toEqual([]);
  });

  it('refuses emptying any business table with TRUNCATE', async () => {
    const names = new Set((await truncateTriggers()).map((row) => `${row.table}.${row.name}`));
    const missing = businessTables.filter((table) => !names.has(`${table}.${table}_refuse_truncate`));
    expect(missing).toEqual([]);
  });

  it('writes an audit event for every insert and update of an audited table, and only there', async () => {
    const rows = await triggers();
    const missing = auditedTables.flatMap((table) =>
      ['INSERT', 'UPDATE']
        .filter((event) => !has(rows, table, `${table}_audit`, event, 'AFTER', 'audit_row_change'))
        .map((event) => `${table} ${event}`),
    );
    expect(missing).toEqual([]);
    const auditedElsewhere = rows
      .filter((row) => row.statement.includes('audit_row_change()'))
      .map((row) => row.table)
      .filter((table) => !(auditedTables as readonly string[]).includes(table));
    expect(auditedElsewhere).toEqual([]);
    for (const table of unauditedBusinessTables) expect(rows.some((row) => row.name === `${table}_audit`)).toBe(false);
  });

  it('keeps the audit trail append-only and the sign-in throttle rows undeletable', async () => {
    const rows = await triggers();
    const truncates = await truncateTriggers();
    for (const [table, names] of Object.entries(logTables)) {
      for (const name of names) {
        const found =
          rows.some((row) => row.table === table && row.name === name) ||
          truncates.some((row) => row.table === table && row.name === name);
        expect(found, `${table}: ${name}`).toBe(true);
      }
    }
  });

  it('lists every table of the database as a business table or a log, so a new table cannot go without its rules', async () => {
    const tables = await rowsOf<{ name: string }>(sql`
      select table_name as "name" from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
    const known = new Set<string>([...businessTables, ...Object.keys(logTables)]);
    const unlisted = tables.map((row) => row.name).filter((name) => !known.has(name));
    expect(unlisted).toEqual([]);
  });
});
