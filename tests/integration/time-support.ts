// The time clock part of a workshop scene (tests/integration/support.ts createWorkshopScene), for the
// authorization-matrix and hostile-input tests: a job of its own (J keeps its status) assigned to the assigned
// worker, their stopped entry there, and the worker's and the admin's running clocks on it.
import { createJob, setJobAssignees } from '@/db/jobs';
import { startClock, stopClock } from '@/db/time';
import type { createWorkshopScene } from './support';

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
