// No Docker engine runs on our machines, so the compose file and Dockerfile are checked by parsing them.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
};

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

it('runs PostgreSQL 16 with a volume and a health check', () => {
  const db = compose.services.db!;
  expect(db.image).toMatch(/^postgres:16/);
  expect(db.volumes?.[0]).toMatch(/^db-data:\/var\/lib\/postgresql\/data$/);
  expect(compose.volumes).toHaveProperty('db-data');
  expect(db.healthcheck?.test.join(' ')).toContain('pg_isready');
});

it('builds the app from the Dockerfile and wires it to the database', () => {
  const app = compose.services.app!;
  expect(app.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
  expect(app.ports).toContain('3000:3000');
  expect(app.depends_on?.db?.condition).toBe('service_healthy');
  expect(Object.keys(app.environment ?? {})).toEqual(expect.arrayContaining(['DATABASE_URL', 'AUTH_SECRET']));
  expect(app.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@db:5432\//);
  expect(app.healthcheck?.test.join(' ')).toContain('/api/health');
});

it('uses a multi-stage Dockerfile that ships the standalone server and the migrations', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
  expect(dockerfile).toContain('.next/standalone');
  expect(dockerfile).toContain('COPY --from=build /app/drizzle ./drizzle');
  // The server's heap is capped (the 300 MB memory target of tests/bench/README.md), the same way as `npm start`'s.
  const cap = /^CMD \["node", "--max-old-space-size=(\d+)", "--max-semi-space-size=(\d+)", "server\.js"\]$/m.exec(
    dockerfile,
  );
  expect(cap).not.toBeNull();
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  expect(scripts.start).toContain(
    `node --max-old-space-size=${cap![1]} --max-semi-space-size=${cap![2]} node_modules/next/dist/bin/next start`,
  );
  const config = readFileSync('next.config.ts', 'utf8');
  expect(config).toContain("output: 'standalone'");
});
