// The time clock API as a client sees it: snake_case entries, 201 starts with `stopped`, 409 stops, workers
// limited to their own entries, corrections (409 overlap, 422 without a reason) and the report as JSON and CSV.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as startRoute from '@/app/api/v1/jobs/[id]/clock/start/route';
import * as stopRoute from '@/app/api/v1/jobs/[id]/clock/stop/route';
import * as entriesRoute from '@/app/api/v1/time-entries/route';
import * as adjustmentsRoute from '@/app/api/v1/time-entries/[id]/adjustments/route';
import * as reportRoute from '@/app/api/v1/reports/technicians/route';
import { createJob, setJobAssignees } from '@/db/jobs';
import { callRoute, tokenFor } from './api-support';
import { createCustomerWithVehicle, createUser } from './support';

async function scene() {
  const admin = await createUser('admin');
  const worker = await createUser('worker');
  const other = await createUser('worker');
  const { vehicle } = await createCustomerWithVehicle(admin);
  const first = await createJob(admin, { vehicleId: vehicle.id, title: 'Brakes' });
  const second = await createJob(admin, { vehicleId: vehicle.id, title: 'Tyres' });
  for (const job of [first, second]) await setJobAssignees(admin, job.id, { userIds: [worker.id] });
  return {
    admin,
    worker,
    other,
    first,
    second,
    adminToken: await tokenFor(admin),
    workerToken: await tokenFor(worker),
  };
}

type Entry = { id: string; user_id: string; job_id: string; ended_at: string | null; stopped: Entry | null };

describe('the time clock API', () => {
  it('starts with 201 (no body needed), switches jobs in one call and stops with 200, then 409', async () => {
    const s = await scene();
    const start = (jobId: string) =>
      callRoute(startRoute, 'POST', `/api/v1/jobs/${jobId}/clock/start`, {
        token: s.workerToken,
        params: { id: jobId },
      });
    const one = await start(s.first.id);
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({
      user_id: s.worker.id,
      job_id: s.first.id,
      ended_at: null,
      voided: false,
      stopped: null,
      duration_seconds: expect.any(Number),
    });
    const two = await start(s.second.id);
    expect((two.body as Entry).stopped).toMatchObject({ id: (one.body as Entry).id });
    const stop = (jobId: string) =>
      callRoute(stopRoute, 'POST', `/api/v1/jobs/${jobId}/clock/stop`, {
        token: s.workerToken,
        params: { id: jobId },
        json: {},
      });
    const stopped = await stop(s.second.id);
    expect(stopped.status).toBe(200);
    expect((stopped.body as Entry).ended_at).not.toBeNull();
    expect((await stop(s.second.id)).status).toBe(409);
  });

  it('a worker naming someone else is 403; an admin may', async () => {
    const s = await scene();
    const refused = await callRoute(startRoute, 'POST', `/api/v1/jobs/${s.first.id}/clock/start`, {
      token: s.workerToken,
      params: { id: s.first.id },
      json: { user_id: s.other.id },
    });
    expect(refused.status).toBe(403);
    const allowed = await callRoute(startRoute, 'POST', `/api/v1/jobs/${s.first.id}/clock/start`, {
      token: s.adminToken,
      params: { id: s.first.id },
      json: { user_id: s.worker.id },
    });
    expect(allowed.status).toBe(201);
    const list = await callRoute(entriesRoute, 'GET', `/api/v1/time-entries?user_id=${s.other.id}`, {
      token: s.workerToken,
    });
    expect(list.status).toBe(403);
    const own = await callRoute(entriesRoute, 'GET', `/api/v1/time-entries?job_id=${s.first.id}`, {
      token: s.workerToken,
    });
    expect(own.status).toBe(200);
    expect((own.body as { data: Entry[] }).data.map((entry) => entry.user_id)).toEqual([s.worker.id]);
  });

  it('corrections: 201 the effective entry, 422 without a reason, 409 on overlap, 403 for a worker', async () => {
    const s = await scene();
    const start = () =>
      callRoute(startRoute, 'POST', `/api/v1/jobs/${s.first.id}/clock/start`, {
        token: s.workerToken,
        params: { id: s.first.id },
      });
    const stop = () =>
      callRoute(stopRoute, 'POST', `/api/v1/jobs/${s.first.id}/clock/stop`, {
        token: s.workerToken,
        params: { id: s.first.id },
      });
    const first = (await start()).body as Entry & { started_at: string };
    await stop();
    const second = (await start()).body as Entry & { started_at: string };
    await stop();
    const adjust = (token: string, id: string, json: unknown) =>
      callRoute(adjustmentsRoute, 'POST', `/api/v1/time-entries/${id}/adjustments`, { token, params: { id }, json });
    expect((await adjust(s.workerToken, first.id, { void: true, reason: 'x' })).status).toBe(403);
    const noReason = await adjust(s.adminToken, first.id, { void: true });
    expect(noReason.status).toBe(422);
    expect((noReason.body as { errors: Record<string, unknown> }).errors).toHaveProperty('reason');
    const earlier = new Date(new Date(first.started_at).getTime() - 3_600_000).toISOString();
    const overlap = await adjust(s.adminToken, second.id, { started_at: earlier, reason: 'Started earlier' });
    expect(overlap.status).toBe(409);
    const fine = await adjust(s.adminToken, first.id, { started_at: earlier, reason: 'Started earlier' });
    expect(fine.status).toBe(201);
    expect(fine.body).toMatchObject({ id: first.id, started_at: earlier, adjusted: true });
  });

  it('the report answers JSON for admins, CSV with format=csv, 403 for workers', async () => {
    const s = await scene();
    const json = await callRoute(reportRoute, 'GET', '/api/v1/reports/technicians?from=2026-01-01&to=2026-01-31', {
      token: s.adminToken,
    });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ from: '2026-01-01', to: '2026-01-31', data: expect.any(Array) });
    const csv = await callRoute(reportRoute, 'GET', '/api/v1/reports/technicians?format=csv', { token: s.adminToken });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body).split('\r\n')[0]).toBe(
      'user_id,name,clocked_seconds,billed_hours,efficiency,jobs_worked,jobs_completed',
    );
    const worker = await callRoute(reportRoute, 'GET', '/api/v1/reports/technicians', { token: s.workerToken });
    expect(worker.status).toBe(403);
    const bad = await callRoute(reportRoute, 'GET', '/api/v1/reports/technicians?from=yesterday&format=xml', {
      token: s.adminToken,
    });
    expect(bad.status).toBe(422);
  });
});

describe('hostile query strings on the time lists and the report', () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom('a\u0000b', '2026-02-30', '1999-12-31', '9999-99-99', "'; drop table time_entries; --", '-1', ''),
    fc.integer().map(String),
  );
  it('never answer 5xx: a bad value is a 422 tied to its parameter', async () => {
    const admin = await createUser('admin');
    const token = await tokenFor(admin);
    const routes = [
      {
        module: entriesRoute,
        path: '/api/v1/time-entries',
        names: ['user_id', 'job_id', 'from', 'to', 'cursor', 'limit'],
      },
      { module: reportRoute, path: '/api/v1/reports/technicians', names: ['from', 'to', 'format'] },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.nat(), hostile, async (route, pick, value) => {
        const name = route.names[pick % route.names.length]!;
        const answer = await callRoute(route.module, 'GET', `${route.path}?${name}=${encodeURIComponent(value)}`, {
          token,
        });
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
        if (answer.status === 422) expect(answer.body).toHaveProperty('errors');
      }),
      { numRuns: 60, seed: 1515 },
    );
  });
});
