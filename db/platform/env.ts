// Environment, validated once with zod; each bad variable gets its own readable line.
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  // Where the embedded database lives when DATABASE_URL is unset; `memory://` keeps it in memory (tests).
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  NEXTAUTH_URL: z.url('must be a full URL such as http://localhost:3000').optional(),
  // auto: the demo shop in development only; always: a demo server (announced loudly); never: no demo data.
  SEED_DEMO_DATA: z.enum(['auto', 'always', 'never']).default('auto'),
  // Behind a reverse proxy: take the client address from X-Forwarded-For (otherwise that header is ignored).
  TRUST_PROXY: z.enum(['true', 'false'], 'must be true or false').default('false'),
  // How many argon2 hashes/verifications may run at once (each holds 19 MiB and a core for ~50 ms).
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

export function usesEmbeddedDatabase(): boolean {
  return env().DATABASE_URL === undefined;
}

/** Whether a new database gets the demo shop: `auto` means only under `next dev` (NODE_ENV=development). */
export function seedsDemoData(): boolean {
  const { SEED_DEMO_DATA, NODE_ENV } = env();
  return SEED_DEMO_DATA === 'always' || (SEED_DEMO_DATA === 'auto' && NODE_ENV === 'development');
}

// instrumentation.ts fills in NEXTAUTH_URL when it is not given and says so here: only an NEXTAUTH_URL the
// operator wrote turns secure cookies off.
export const DEFAULTED_SITE_URL_MARK = 'WORKSHOP_NEXTAUTH_URL_DEFAULTED';
// On globalThis: the proxy, the routes and the pages each bundle their own copy of this module.
const globalForWarning = globalThis as unknown as { workshopWarnedPlainHttp?: boolean };

/**
 * Session cookies are `Secure` in production unless the operator explicitly serves the site over plain http
 * (NEXTAUTH_URL=http://…), which is then logged once as a warning.
 */
export function secureCookies(source: NodeJS.ProcessEnv = process.env): boolean {
  if (source.NODE_ENV !== 'production') return false;
  const explicitPlainHttp = source.NEXTAUTH_URL?.startsWith('http://') && source[DEFAULTED_SITE_URL_MARK] !== '1';
  if (!explicitPlainHttp) return true;
  if (!globalForWarning.workshopWarnedPlainHttp) {
    globalForWarning.workshopWarnedPlainHttp = true;
    console.warn(
      `[auth] NEXTAUTH_URL is ${source.NEXTAUTH_URL}: session cookies are sent over plain http without the Secure flag. Serve the shop over https in production.`,
    );
  }
  return false;
}
