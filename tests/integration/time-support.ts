// The time clock part of a workshop scene (tests/integration/support.ts createWorkshopScene), for the
// authorization-matrix and hostile-input tests: a job of its own (J keeps its status) assigned to the assigned
// worker, their stopped entry there, and the worker's and the admin's running clocks on it.
import { getDb } from '@/db/client';
import { createJob, setJobAssignees } from '@/db/jobs';
import { timeEntries } from '@/db/schema';
import { startClock, stopClock } from '@/db/time';
import type { Actor } from '@/db/core/actor';
import { createCustomerWithVehicle, type createWorkshopScene } from './support';

export async function createClockScene(scene: Awaited<ReturnType<typeof createWorkshopScene>>) {
  const { admin, assignedWorker } = scene.people;
  const job = await createJob(admin, { vehicleId: scene.vehicle.id, title: 'Clocked work' });
  await setJobAssignees(admin, job.id, { userIds: [assignedWorker.id] });
  await startClock(assignedWorker, job.id);
  const stopped = await stopClock(assignedWorker, job.id);
  await startClock(assignedWorker, job.id);
  await startClock(admin, job.id);
  return { job, stopped };
}

/** A stopped entry written straight into the table, `minutesAgo` → `minutesAgo - minutes` (around the data layer). */
export async function insertPastEntry(user: { id: string }, jobId: string, minutesAgo: number, minutes: number) {
  const db = await getDb();
  const startedAt = new Date(Date.now() - minutesAgo * 60_000);
  const endedAt = new Date(startedAt.getTime() + minutes * 60_000);
  const [entry] = await db
    .insert(timeEntries)
    .values({
      userId: user.id,
      jobId,
      startedAt,
      endedAt,
      effectiveStartedAt: startedAt,
      effectiveEndedAt: endedAt,
      source: 'ui',
      recordedBy: user.id,
    })
    .returning();
  return entry!;
}

/** A new job (status created) opened by `admin` with the given workers assigned. */
export async function jobAssignedTo(admin: Actor, workers: { id: string }[], title = 'Timing belt') {
  const { vehicle } = await createCustomerWithVehicle(admin);
  const job = await createJob(admin, { vehicleId: vehicle.id, title });
  if (workers.length > 0) await setJobAssignees(admin, job.id, { userIds: workers.map((worker) => worker.id) });
  return job;
}

/** A stopped entry `hoursAgo` → `hoursAgo - hours`, straight into the table. */
export const pastEntry = (user: { id: string }, jobId: string, hoursAgo: number, hours: number) =>
  insertPastEntry(user, jobId, hoursAgo * 60, hours * 60);
