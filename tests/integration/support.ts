// Fixtures: fresh, uniquely named rows for each test, written straight into the real database.
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/db/actor';
import { getDb } from '@/db/client';
import { hashPassword } from '@/db/passwords';
import { customers, users, vehicles, type UserRole } from '@/db/schema';

export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | undefined;

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID()}@test.example`;
}

export async function createUser(role: UserRole, name = `Test ${role}`): Promise<Actor> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({ email: uniqueEmail(role), name, role, passwordHash: await passwordHash })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  return user!;
}

export async function createCustomerWithVehicle(createdBy: Actor) {
  const db = await getDb();
  const [customer] = await db
    .insert(customers)
    .values({ name: `Customer ${randomUUID().slice(0, 8)}`, createdBy: createdBy.id })
    .returning();
  const [vehicle] = await db
    .insert(vehicles)
    .values({ customerId: customer!.id, make: 'Toyota', model: 'Corolla', year: 2018, odometer: 50_000 })
    .returning();
  return { customer: customer!, vehicle: vehicle! };
}

/**
 * For test files whose rules are about the whole shop (the last active admin, dashboard totals): use a
 * database of their own, in memory, instead of a shared PostgreSQL server where other files' rows come and go.
 * Call at the top of the file, before anything opens the database.
 */
export function usePrivateDatabase(): void {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = 'memory://';
}
