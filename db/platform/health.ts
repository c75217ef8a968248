import { sql } from 'drizzle-orm';
import { getDb } from '../client';

/** True when the database answers a query. */
export async function databaseIsHealthy(): Promise<boolean> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return true;
  } catch (error) {
    console.error('[health] database check failed:', (error as Error).message);
    return false;
  }
}
