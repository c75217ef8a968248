import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { demoSignIns, seedDemoData } from '@/db/seed';
import { verifyCredentials } from '@/db/users';
import { businessTables } from '@/db/schema';

async function count(query: string): Promise<number> {
  const db = await getDb();
  const result = (await db.execute(sql.raw(query))) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}

it('loads a demo shop that exercises every table, once', async () => {
  const db = await getDb();
  await seedDemoData(db);
  for (const table of businessTables) {
    expect(await count(`select count(*)::int as n from ${table}`), table).toBeGreaterThan(0);
  }
  for (const status of ['created', 'in_progress', 'waiting_for_parts', 'completed', 'cancelled']) {
    expect(await count(`select count(*)::int as n from jobs where status = '${status}'`), status).toBeGreaterThan(0);
  }
  expect(await count(`select count(*)::int as n from customers where kind = 'business'`)).toBeGreaterThan(0);
  expect(await count(`select count(*)::int as n from customers`)).toBeGreaterThanOrEqual(24);
  expect(await count(`select count(*)::int as n from invoices where status = 'void'`)).toBeGreaterThan(0);
  expect(
    await count(`select count(*)::int as n from invoices where status = 'issued' and paid_cents = 0`),
  ).toBeGreaterThan(0);
  expect(
    await count(
      `select count(*)::int as n from invoices where status = 'issued' and paid_cents between 1 and total_cents - 1`,
    ),
  ).toBeGreaterThan(0);
  expect(
    await count(`select count(*)::int as n from invoices where status = 'issued' and paid_cents = total_cents`),
  ).toBeGreaterThan(0);
  // Every job's history ends in its current status.
  expect(
    await count(
      `select count(*)::int as n from jobs j where j.status <> (select to_status from job_status_changes c where c.job_id = j.id order by changed_at desc, id desc limit 1)`,
    ),
  ).toBe(0);

  for (const signIn of demoSignIns) {
    expect(await verifyCredentials(signIn.email, signIn.password), signIn.email).toMatchObject({ role: signIn.role });
  }

  const users = await count('select count(*)::int as n from users');
  const jobs = await count('select count(*)::int as n from jobs');
  expect(await seedDemoData(db)).toBe(false);
  expect(await count('select count(*)::int as n from users')).toBe(users);
  expect(await count('select count(*)::int as n from jobs')).toBe(jobs);
});
