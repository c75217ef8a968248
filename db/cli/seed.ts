// npm run db:seed — loads the demo shop into any database (idempotent: a second run writes nothing).
import { closeDb, getDb, printDemoSignIns } from '../client';
import { seedDemoData } from '../seed';
import { runTask } from './run';

process.env.SEED_DEMO_DATA = 'never'; // this script decides itself
await runTask(async () => {
  const db = await getDb();
  const wrote = await seedDemoData(db);
  if (wrote) printDemoSignIns();
  else console.log('Demo data is already there; nothing written.');
  await closeDb();
});
