// The customer page's keyset pages (getCustomerPage): a screenful of vehicles and of jobs at a time, every row
// once and in the order of the full lists (getCustomer), only the jobs the actor may see, a forged cursor refused.
import { describe, expect, it } from 'vitest';
import type { Actor } from '@/db/core/actor';
import { getDb } from '@/db/client';
import { createCustomer, getCustomer, getCustomerPage } from '@/db/customers';
import { jobAssignments, jobs, vehicles } from '@/db/schema';
import { createUser, refusal } from './support';

type Pages = Parameters<typeof getCustomerPage>[2];

/** Every page of one list (vehicles or jobs) at `limit` a page, the other list kept on its first page. */
async function walk(actor: Actor, customerId: string, list: 'vehicles' | 'jobs', limit: number) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const pages: Pages = { vehicles: { limit: 1 }, jobs: { limit: 1 } };
    pages[list] = { cursor, limit };
    const result = await getCustomerPage(actor, customerId, pages);
    expect(result[list].data.length).toBeLessThanOrEqual(limit);
    seen.push(...result[list].data.map((row) => row.id));
    if (!result[list].nextCursor) return seen;
    cursor = result[list].nextCursor;
  }
  throw new Error('the pages never ended');
}

describe('the customer page, a page of vehicles and of jobs at a time', () => {
  it('walks every vehicle and every visible job once, in the full lists’ order', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    const customer = await createCustomer(admin, { name: 'Paged Fleet Ltd' });
    const db = await getDb();
    const at = (day: number) => new Date(Date.UTC(2025, 1, day, 8, 0, 0, 123));
    const fleet = await db
      .insert(vehicles)
      .values([
        { customerId: customer.id, make: 'Ford', model: 'Transit', plate: 'PG 1', createdAt: at(3) },
        { customerId: customer.id, make: 'Ford', model: 'Transit', plate: 'PG 2', createdAt: at(1) },
        { customerId: customer.id, make: 'Iveco', model: 'Daily', plate: 'PG 3', createdAt: at(1) },
        { customerId: customer.id, make: 'Fiat', model: 'Ducato', plate: 'PG 4', archivedAt: at(9), createdAt: at(0) },
        { customerId: customer.id, make: 'MAN', model: 'TGE', plate: 'PG 5', createdAt: at(2) },
      ])
      .returning();
    // Two jobs share a creation time: the job number keeps them apart across a page break.
    const rows = await db
      .insert(jobs)
      .values(
        [5, 4, 4, 3, 2, 1, 1].map((day, index) => ({
          vehicleId: fleet[index % fleet.length]!.id,
          title: `Paged job ${index}`,
          createdBy: index === 2 ? worker.id : admin.id,
          createdAt: at(day),
        })),
      )
      .returning();
    await db.insert(jobAssignments).values({ jobId: rows[5]!.id, workerId: worker.id, assignedBy: admin.id });

    const full = await getCustomer(admin, customer.id);
    expect(full.vehicles.at(-1)!.plate).toBe('PG 4'); // archived last
    for (const limit of [1, 2, 3, 10]) {
      expect(await walk(admin, customer.id, 'vehicles', limit)).toEqual(full.vehicles.map((vehicle) => vehicle.id));
      expect(await walk(admin, customer.id, 'jobs', limit)).toEqual(full.jobs.map((job) => job.id));
    }
    expect(full.jobs).toHaveLength(7);
    const workerJobs = (await getCustomer(worker, customer.id)).jobs.map((job) => job.id);
    expect(workerJobs.sort()).toEqual([rows[2]!.id, rows[5]!.id].sort());
    expect((await walk(worker, customer.id, 'jobs', 1)).sort()).toEqual(workerJobs);
  });

  it('refuses a forged cursor on the cursor field', async () => {
    const admin = await createUser('admin');
    const customer = await createCustomer(admin, { name: 'Forged Cursor Co' });
    const forged = Buffer.from(JSON.stringify(['not a time', 'x'])).toString('base64url');
    for (const list of ['vehicles', 'jobs'] as const) {
      const pages: Pages = { vehicles: { limit: 5 }, jobs: { limit: 5 } };
      pages[list] = { cursor: forged, limit: 5 };
      expect(await refusal(() => getCustomerPage(admin, customer.id, pages))).toMatchObject({
        kind: 'invalid',
        fieldErrors: { cursor: ['Invalid cursor.'] },
      });
    }
  });
});
