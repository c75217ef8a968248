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

it('seeds demo data in development only, unless SEED_DEMO_DATA says always or never', async () => {
  const cases: [string, string, boolean][] = [
    ['development', '', true],
    ['production', '', false],
    ['test', '', false],
    ['production', 'auto', false],
    ['production', 'always', true],
    ['development', 'never', false],
  ];
  for (const [nodeEnv, seed, expected] of cases) {
    vi.resetModules();
    vi.stubEnv('NODE_ENV', nodeEnv);
    vi.stubEnv('SEED_DEMO_DATA', seed);
    const { seedsDemoData } = await import('@/db/platform/env');
    expect(seedsDemoData(), `${nodeEnv} / SEED_DEMO_DATA=${seed || '(unset)'}`).toBe(expected);
  }
});

it('refuses an unknown SEED_DEMO_DATA, TRUST_PROXY or hash concurrency', async () => {
  vi.stubEnv('SEED_DEMO_DATA', 'yes');
  vi.stubEnv('TRUST_PROXY', '1');
  vi.stubEnv('PASSWORD_HASH_CONCURRENCY', '0');
  const env = await loadEnv();
  expect(() => env()).toThrow(/SEED_DEMO_DATA[\s\S]*TRUST_PROXY[\s\S]*PASSWORD_HASH_CONCURRENCY/);
});

it('sends session cookies Secure in production unless NEXTAUTH_URL is explicitly plain http, warning once', async () => {
  const { secureCookies, DEFAULTED_SITE_URL_MARK } = await import('@/db/platform/env');
  delete (globalThis as { workshopWarnedPlainHttp?: boolean }).workshopWarnedPlainHttp;
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    expect(secureCookies({ NODE_ENV: 'production', NEXTAUTH_URL: 'https://erp.example' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'production' })).toBe(true);
    // The address instrumentation.ts fills in when none is given is not the operator asking for plain http.
    expect(
      secureCookies({ NODE_ENV: 'production', NEXTAUTH_URL: 'http://localhost:3000', [DEFAULTED_SITE_URL_MARK]: '1' }),
    ).toBe(true);
    expect(warn).not.toHaveBeenCalled();
    expect(secureCookies({ NODE_ENV: 'production', NEXTAUTH_URL: 'http://erp.internal' })).toBe(false);
    expect(secureCookies({ NODE_ENV: 'production', NEXTAUTH_URL: 'http://erp.internal' })).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('without the Secure flag');
    expect(secureCookies({ NODE_ENV: 'development' })).toBe(false);
  } finally {
    warn.mockRestore();
  }
});
