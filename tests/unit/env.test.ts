import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function loadEnv() {
  const loaded = await import('@/db/platform/env');
  return loaded.env;
}

it('reports each bad variable on its own line', async () => {
  vi.stubEnv('DATABASE_URL', 'mysql://nope');
  vi.stubEnv('AUTH_SECRET', 'short');
  const env = await loadEnv();
  expect(() => env()).toThrow(
    /DATABASE_URL: must be a postgres:\/\/[\s\S]*AUTH_SECRET: must be at least 32 characters/,
  );
});

it('treats a missing DATABASE_URL as the embedded database', async () => {
  vi.stubEnv('DATABASE_URL', '');
  const { usesEmbeddedDatabase } = await import('@/db/platform/env');
  expect(usesEmbeddedDatabase()).toBe(true);
});
