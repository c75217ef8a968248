// 200 invoices issued at once through two app instances (two `next start` processes, one PostgreSQL database):
// every number is unique and the year's numbers stay gapless. Needs a PostgreSQL server (DATABASE_URL): the
// embedded database is opened by one process only, so there is no second instance to start without one.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { changeStatus, createCustomer, createVehicle, demoTokens, type Page } from './api-fixtures';
import { call } from './api-support';

const secondPort = Number(process.env.E2E_PORT ?? 3100) + 50;
const second = `http://localhost:${secondPort}`;

if (process.env.DATABASE_URL) {
  test.describe('two app instances on one database', () => {
    let server: ChildProcess | undefined;

    test.beforeAll(async () => {
      // A process group of its own, so stopping it also stops the next-server child that npx starts.
      server = spawn('npx', ['next', 'start', '-p', String(secondPort)], {
        stdio: 'ignore',
        detached: true,
        env: {
          ...process.env,
          NEXTAUTH_URL: second,
          AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-secret-0123456789abcdef0123456789abcdef',
        },
      });
      test.setTimeout(120_000);
      for (let attempt = 0; attempt < 120; attempt++) {
        if (server.exitCode !== null)
          throw new Error(`The second instance exited with ${server.exitCode} (is port ${secondPort} taken?).`);
        const healthy = await fetch(`${second}/api/health`).then(
          (response) => response.ok,
          () => false,
        );
        if (healthy) return;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      throw new Error('The second instance did not start.');
    });

    test.afterAll(() => {
      if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    });

    test('200 concurrent invoices across both instances get unique, gapless numbers', async ({ request }) => {
      test.setTimeout(300_000);
      const tokens = await demoTokens(request);
      const customer = await createCustomer(request, tokens.admin);
      const vehicle = await createVehicle(request, tokens.admin, customer.id);
      const jobIds: string[] = [];
      for (let batch = 0; batch < 10; batch++) {
        const made = await Promise.all(
          Array.from({ length: 20 }, async (_, index) => {
            const created = await call(request, 'POST', '/api/v1/jobs', {
              token: tokens.admin,
              json: { vehicle_id: vehicle.id, title: `Fleet service ${batch}-${index}` },
            });
            expect(created.status).toBe(201);
            const id = (created.body as { id: string }).id;
            await changeStatus(request, tokens.admin, id, 'in_progress');
            await changeStatus(request, tokens.admin, id, 'completed');
            return id;
          }),
        );
        jobIds.push(...made);
      }

      const lines = [{ kind: 'labor', description: 'Fleet service', quantity: 1, unit_price_cents: 10_000 }];
      const answers = await Promise.all(
        jobIds.map(async (jobId, index) => {
          const base = index % 2 === 0 ? '' : second;
          const response = await request.post(`${base}/api/v1/jobs/${jobId}/invoice`, {
            headers: { Authorization: `Bearer ${tokens.admin}` },
            data: { lines },
          });
          return { status: response.status(), body: (await response.json()) as { number: string; id: string } };
        }),
      );
      expect(answers.map((answer) => answer.status)).toEqual(jobIds.map(() => 201));
      const numbers = answers.map((answer) => answer.body.number);
      expect(new Set(numbers).size).toBe(200);

      // The year's numbers, as the admin sees them: 1..max, none missing, none twice.
      const year = numbers[0]!.split('-')[1]!;
      const sequences: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await call(
          request,
          'GET',
          `/api/v1/invoices?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { token: tokens.admin },
        );
        const body = page.body as Page<{ number: string }>;
        for (const invoice of body.data) {
          const [, invoiceYear, sequence] = invoice.number.split('-');
          if (invoiceYear === year) sequences.push(Number(sequence));
        }
        cursor = body.next_cursor;
      } while (cursor);
      sequences.sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, index) => index + 1));
      for (const number of numbers) expect(sequences).toContain(Number(number.split('-')[2]));
    });
  });
}
