// The productivity report on PostgreSQL: clocked hours from effective entries, billed hours from the labor lines
// of invoices issued in the period (split evenly when a line names nobody), efficiency rounded, CSV.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/db/core/actor';
import { createEstimate } from '@/db/estimates';
import { issueInvoice } from '@/db/invoices';
import { changeJobStatus } from '@/db/jobs';
import { adjustTimeEntry, getTechnicianReport, getTechnicianReportCsv, getWeeklyHours } from '@/db/time';
import { createUser, createWorkers, refusal, refusalKind } from './support';
import { insertPastEntry, jobAssignedTo } from './time-support';

let admin: Actor;
beforeAll(async () => {
  admin = await createUser('admin');
});

const today = () => new Date().toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

const jobFor = (...workers: Actor[]) => jobAssignedTo(admin, workers, 'Clutch');

async function complete(jobId: string) {
  await changeJobStatus(admin, jobId, { status: 'in_progress' });
  await changeJobStatus(admin, jobId, { status: 'completed' });
}

const clocked = insertPastEntry;

async function rowOf(user: Actor) {
  const report = await getTechnicianReport(admin, { from: yesterday(), to: today() });
  return report.data.find((row) => row.userId === user.id);
}

describe('the technician report', () => {
  it('bills a named labor line to its technician and splits a line naming nobody evenly', async () => {
    const [one, two] = await createWorkers('Report One', 'Report Two');
    const job = await jobFor(one, two);
    await clocked(one, job.id, 180, 120);
    await complete(job.id);
    await issueInvoice(admin, job.id, {
      lines: [
        { kind: 'labor', description: 'Clutch', quantity: '2.00', unitPriceCents: 9000, technicianId: one.id },
        { kind: 'labor', description: 'Diagnosis', quantity: '1.00', unitPriceCents: 9000 },
        { kind: 'part', description: 'Clutch kit', quantity: '1', unitPriceCents: 30000 },
      ],
    });
    expect(await rowOf(one)).toEqual({
      userId: one.id,
      name: 'Report One',
      clockedSeconds: 7200,
      billedHours: '2.50',
      efficiency: 1.25,
      jobsWorked: 1,
      jobsCompleted: 1,
    });
    expect(await rowOf(two)).toMatchObject({ clockedSeconds: 0, billedHours: '0.50', efficiency: null, jobsWorked: 0 });
  });

  it('rounds efficiency to two places and leaves voided time out', async () => {
    const workers = [await createUser('worker'), await createUser('worker'), await createUser('worker')];
    const job = await jobFor(...workers);
    for (const worker of workers) await clocked(worker, job.id, 200, 90);
    const voided = await clocked(workers[0]!, job.id, 100, 30);
    await adjustTimeEntry(admin, voided.id, { void: true, reason: 'Wrong job' });
    await complete(job.id);
    await issueInvoice(admin, job.id, { lines: [{ kind: 'labor', description: 'Check', quantity: '1.00' }] });
    const row = await rowOf(workers[0]!);
    // 1/3 hour billed over 1.5 hours clocked = 0.2222…
    expect(row).toMatchObject({ clockedSeconds: 5400, billedHours: '0.33', efficiency: 0.22 });
  });

  it('a corrected entry moves the report', async () => {
    const mechanic = await createUser('worker');
    const job = await jobFor(mechanic);
    const entry = await clocked(mechanic, job.id, 300, 120);
    expect((await rowOf(mechanic))!.clockedSeconds).toBe(7200);
    await adjustTimeEntry(admin, entry.id, {
      endedAt: new Date(entry.startedAt.getTime() + 3_600_000),
      reason: 'Went home early',
    });
    expect((await rowOf(mechanic))!.clockedSeconds).toBe(3600);
  });

  it('answers CSV with the same columns', async () => {
    const mechanic = await createUser('worker', 'Csv, "Quoted" Mechanic');
    const job = await jobFor(mechanic);
    await clocked(mechanic, job.id, 100, 60);
    const csv = await getTechnicianReportCsv(admin, { from: yesterday(), to: today() });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('user_id,name,clocked_seconds,billed_hours,efficiency,jobs_worked,jobs_completed');
    expect(lines.find((line) => line.startsWith(mechanic.id))).toBe(
      `${mechanic.id},"Csv, ""Quoted"" Mechanic",3600,0.00,0.00,1,0`,
    );
  });

  it('defaults to this month, refuses a reversed period, and is for admins only', async () => {
    const report = await getTechnicianReport(admin, {});
    expect(report.from).toBe(`${today().slice(0, 7)}-01`);
    expect(report.to.slice(0, 7)).toBe(today().slice(0, 7));
    const reversed = await refusal(() => getTechnicianReport(admin, { from: today(), to: yesterday() }));
    expect(reversed !== 'allowed' && reversed.fieldErrors.to).toBeTruthy();
    expect(await refusalKind(() => getTechnicianReport(admin, { from: '2026-02-30' }))).toBe('invalid');
    const worker = await createUser('worker');
    expect(await refusalKind(() => getTechnicianReport(worker, {}))).toBe('forbidden');
    expect(await refusalKind(() => getWeeklyHours(worker))).toBe('forbidden');
  });

  it('on the report screen a reversed period keeps its start', async () => {
    const report = await getTechnicianReport(admin, { from: today(), to: yesterday() }, { reversed: 'keep-start' });
    expect(report.from).toBe(today());
    expect(report.to.slice(0, 7)).toBe(today().slice(0, 7));
    expect(report.to >= report.from).toBe(true);
  });

  it('the dashboard chart has eight weeks of clocked and billed hours', async () => {
    const weeks = await getWeeklyHours(admin);
    expect(weeks).toHaveLength(8);
    expect(new Date(`${weeks[0]!.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
  });
});

describe('technicians on labor lines', () => {
  it('an invoice or estimate labor line naming someone not assigned to the job is refused on that line', async () => {
    const mechanic = await createUser('worker');
    const stranger = await createUser('worker');
    const job = await jobFor(mechanic);
    const estimateRefusal = await refusal(() =>
      createEstimate(admin, job.id, {
        lines: [{ kind: 'labor', description: 'Brakes', quantity: '1', technicianId: stranger.id }],
      }),
    );
    expect(estimateRefusal !== 'allowed' && estimateRefusal.fieldErrors['lines.0.technicianId']).toBeTruthy();
    const estimate = await createEstimate(admin, job.id, {
      lines: [{ kind: 'labor', description: 'Brakes', quantity: '1', technicianId: mechanic.id }],
    });
    expect(estimate.lines[0]!.technicianId).toBe(mechanic.id);
    await complete(job.id);
    const refused = await refusal(() =>
      issueInvoice(admin, job.id, {
        lines: [
          { kind: 'labor', description: 'Brakes', quantity: '1', technicianId: mechanic.id },
          { kind: 'labor', description: 'Check', quantity: '1', technicianId: stranger.id },
        ],
      }),
    );
    expect(refused !== 'allowed' && refused.kind).toBe('invalid');
    expect(refused !== 'allowed' && Object.keys(refused.fieldErrors)).toEqual(['lines.1.technicianId']);
    const invoice = await issueInvoice(admin, job.id, {
      lines: [
        { kind: 'labor', description: 'Brakes', quantity: '1', technicianId: mechanic.id },
        { kind: 'fee', description: 'Disposal', quantity: '1', unitPriceCents: 500, technicianId: mechanic.id },
      ],
    });
    expect(invoice.lines.map((line) => line.technicianId)).toEqual([mechanic.id, null]);
  });
});
