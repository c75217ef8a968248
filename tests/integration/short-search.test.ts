// A search box full of one- and two-letter words reads at most MAX_SHORT_TERMS word starts: each one is a large
// share of the word indexes, and a hundred-character text holds fifty of them.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listCustomers } from '@/db/customers';
import { MAX_SHORT_TERMS } from '@/db/core/search';
import { searchVehiclesForJob } from '@/db/jobs';
import { listVehicles } from '@/db/vehicles';
import { getDb } from '@/db/client';
import { customers, vehicles } from '@/db/schema';
import { captureStatements } from '@/tests/bench/scenarios';
import { createUser } from './support';

/** The word-start queries (`a:* & b:*`) the statements carried, as their number of terms. */
function wordStartTerms(statements: { params: unknown[] }[]): number[] {
  return statements
    .flatMap((statement) => statement.params)
    .filter((param): param is string => typeof param === 'string' && param.includes(':*'))
    .map((query) => query.split(' & ').length);
}

describe('searching with many one- or two-letter words', () => {
  it(`reads at most ${MAX_SHORT_TERMS} word starts, whatever the box holds`, async () => {
    const admin = await createUser('admin');
    const noise = Array.from({ length: 45 }, (_, index) => String.fromCharCode(97 + (index % 26))).join(' ');
    for (const search of [
      (q: string) => listCustomers(admin, { q }),
      (q: string) => listVehicles(admin, { q }),
      (q: string) => searchVehiclesForJob(admin, { q }),
    ]) {
      const terms = wordStartTerms(await captureStatements(() => search(noise)));
      expect(terms.length).toBeGreaterThan(0);
      for (const count of terms) expect(count).toBeLessThanOrEqual(MAX_SHORT_TERMS);
    }
  });

  it('still finds the customer by the first words typed', async () => {
    const admin = await createUser('admin');
    const tag = randomUUID()
      .slice(0, 2)
      .replace(/[^a-z]/g, 'q');
    const db = await getDb();
    const [customer] = await db
      .insert(customers)
      .values({ name: `Al Bo Cy ${tag}`, createdBy: admin.id })
      .returning();
    await db.insert(vehicles).values({ customerId: customer!.id, make: 'Fiat', model: 'Uno' });
    // Past the first four words the rest are left out: "zz" and "yy" do not hide the customer.
    const found = await listCustomers(admin, { q: `al bo cy ${tag} zz yy xx ww`, limit: 100 });
    expect(found.data.map((row) => row.id)).toContain(customer!.id);
  });
});
