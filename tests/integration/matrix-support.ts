// The scenes the two authorization matrices walk (actions and API: the workshop scene with its deactivated
// worker deactivated, the estimates — a draft on job J, a sent one on another job of the assigned worker — and
// the parts rows, a clocked job), and the records the two hostile-input tests aim at.
import { createEstimate, sendEstimate } from '@/db/estimates';
import { createJob, setJobAssignees } from '@/db/jobs';
import { createPartsScene } from './parts-support';
import { createClockScene } from './time-support';
import { createWorkshopScene, deactivateDirectly } from './support';

/** The server actions' modules, imported when a test calls one (after the test file's mocks). */
export const actionModules = {
  customers: () => import('@/app/(app)/customers/actions'),
  vehicles: () => import('@/app/(app)/vehicles/actions'),
  jobs: () => import('@/app/(app)/jobs/actions'),
  jobInvoice: () => import('@/app/(app)/jobs/[id]/invoice/actions'),
  jobEstimate: () => import('@/app/(app)/jobs/[id]/estimate/actions'),
  invoice: () => import('@/app/(app)/invoices/[id]/actions'),
  settings: () => import('@/app/(app)/settings/actions'),
  users: () => import('@/app/(app)/users/actions'),
  account: () => import('@/app/(app)/account/actions'),
  parts: () => import('@/app/(app)/parts/actions'),
  vendors: () => import('@/app/(app)/vendors/actions'),
  purchaseOrders: () => import('@/app/(app)/purchase-orders/actions'),
  jobParts: () => import('@/app/(app)/jobs/[id]/parts/actions'),
  time: () => import('@/app/(app)/time/actions'),
};

type WorkshopScene = Awaited<ReturnType<typeof createWorkshopScene>>;

/**
 * `whileActive` runs before the deactivated worker is deactivated (the API matrix issues their token then, as
 * the actions matrix's session was taken while they were active).
 */
export async function createMatrixScene<Early extends object>(whileActive: (scene: WorkshopScene) => Promise<Early>) {
  const scene = await createWorkshopScene();
  const early = await whileActive(scene);
  await deactivateDirectly(scene.people.deactivatedWorker.id);
  return {
    ...scene,
    ...early,
    estimates: await estimateScene(scene),
    parts: await createPartsScene(scene.people.admin, scene.job.id),
    clocks: await createClockScene(scene),
  };
}

/** A draft on job J, and a sent estimate on another job assigned to the same worker (with its link's token). */
async function estimateScene(scene: WorkshopScene) {
  const { admin, assignedWorker } = scene.people;
  const lines = [{ kind: 'part', description: 'Brake pads', quantity: 1, unitPriceCents: 8_000 }];
  const draft = await createEstimate(admin, scene.job.id, { lines });
  const other = await createJob(admin, { vehicleId: scene.vehicle.id, title: 'Noisy brakes' });
  await setJobAssignees(admin, other.id, { userIds: [assignedWorker.id] });
  const sent = await sendEstimate(admin, (await createEstimate(admin, other.id, { lines })).id);
  return { draft, sent: sent.estimate, token: sent.approvalUrl.split('/approve/')[1]! };
}

/** The records the hostile-input tests feed random values to (their `scene` for more fixtures). */
export async function createHostileScene() {
  const scene = await createWorkshopScene();
  const { admin, assignedWorker: worker } = scene.people;
  return {
    scene,
    admin,
    worker,
    customer: scene.customer,
    vehicle: scene.vehicle,
    job: scene.job,
    done: scene.completed,
    invoice: scene.invoice,
    clocks: await createClockScene(scene),
  };
}
