import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates migrations from db/schema.ts; they are applied by db/migrate.ts (at start-up,
// and by `npm run db:migrate`), on PostgreSQL or on the embedded PGlite alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
});
