import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { conflict, forbidden, invalid } from '../core/errors';
import { parse } from '../core/input';
import { isAdmin, requireAdmin, requireSignedIn } from '../core/policy';
import { jobAssignments, jobs, jobStatusChanges, users, vehicles } from '../schema';
import { ownerIsArchived } from '../vehicles';
import { jobAccess } from './access';
import { stopRunningClocksOnJob } from '../time/sql';
import { createJobInput, flag, parsePromisedAt, setJobAssigneesInput, updateJobInput } from './inputs';
import { getJob } from './reads';
import { finalJobStatuses, JOB_CHANGED_MESSAGE } from './rules';
import { currentAssignees } from './summaries';
import type { JobDto, JobPersonDto } from './types';

function lowerOdometerErrors(last: number) {
  return {
    odometerIn: [
      `That is lower than the vehicle's last reading (${last.toLocaleString('en-US')}). Tick "Confirm lower odometer" to save it anyway.`,
    ],
    confirmLowerOdometer: ['Confirm the lower odometer reading.'],
  };
}

/**
 * Opens a job card for an active vehicle: the next job number, status `created` and its first history row,
 * in one transaction. An odometer reading below the vehicle's last one needs `confirmLowerOdometer`; a higher
 * one becomes the vehicle's reading. The answer is read after the commit, through the prepared job read (as
 * after an edit or a status change): the row lock is held for less time and the read's plan is kept.
 */
export async function createJob(actor: Actor | null, input: unknown): Promise<JobDto> {
  const signedIn = requireSignedIn(actor);
  const data = parse(createJobInput, input ?? {});
  const db = await getDb();
  const jobId = await db.transaction(async (tx) => {
    // The vehicle's row lock, and its owner's shared one: an archive of either waits for this job, or this job
    // sees the archive (an archived vehicle, or a vehicle of an archived customer, takes no new job).
    const [vehicle] = await tx
      .select({
        id: vehicles.id,
        odometer: vehicles.odometer,
        archivedAt: vehicles.archivedAt,
        customerId: vehicles.customerId,
      })
      .from(vehicles)
      .where(eq(vehicles.id, data.vehicleId))
      .for('update');
    if (!vehicle) throw invalid({ vehicleId: ['That vehicle does not exist.'] });
    if (vehicle.archivedAt !== null) {
      throw invalid({ vehicleId: ['That vehicle is archived. An admin can unarchive it first.'] });
    }
    if (await ownerIsArchived(tx, vehicle.customerId)) {
      throw invalid({ vehicleId: ["That vehicle's owner is archived. An admin can unarchive them first."] });
    }
    const odometerIn = data.odometerIn ?? null;
    if (
      odometerIn !== null &&
      vehicle.odometer !== null &&
      odometerIn < vehicle.odometer &&
      !flag(data.confirmLowerOdometer)
    ) {
      throw invalid(lowerOdometerErrors(vehicle.odometer), 'Please confirm the lower odometer reading.');
    }
    // The job and its first history row in one statement.
    const created = tx.$with('created').as(
      tx
        .insert(jobs)
        .values({
          vehicleId: vehicle.id,
          title: data.title,
          description: data.description || null,
          priority: data.priority,
          odometerIn,
          promisedAt: data.promisedAt ? parsePromisedAt(data.promisedAt) : null,
          createdBy: signedIn.id,
        })
        .returning({ id: jobs.id }),
    );
    const [job] = await tx
      .with(created)
      .insert(jobStatusChanges)
      .values({
        jobId: sql`(select ${created.id} from ${created})`,
        fromStatus: null,
        toStatus: 'created',
        changedBy: signedIn.id,
      })
      .returning({ id: jobStatusChanges.jobId });
    if (odometerIn !== null && (vehicle.odometer === null || odometerIn > vehicle.odometer)) {
      await tx.update(vehicles).set({ odometer: odometerIn, updatedAt: new Date() }).where(eq(vehicles.id, vehicle.id));
    }
    return job!.id;
  });
  return getJob(signedIn, jobId);
}

/**
 * Edits a job's details with optimistic locking: the write carries the version the editor saw; if the job
 * changed in between, nothing is written and the caller gets a conflict. Admins edit any job; the creator and
 * assigned workers edit open (not completed or cancelled) ones.
 */
export async function updateJob(actor: Actor | null, id: string, input: unknown): Promise<JobDto> {
  const signedIn = requireSignedIn(actor);
  const data = parse(updateJobInput, input ?? {});
  const db = await getDb();
  await db.transaction(async (tx) => {
    const job = await jobAccess(tx, signedIn, id);
    if (!isAdmin(signedIn) && !job.canWork && job.createdBy !== signedIn.id)
      throw forbidden('Only an admin or an assigned worker can edit this job.');
    if (!isAdmin(signedIn) && finalJobStatuses.includes(job.status)) {
      throw conflict('A completed or cancelled job can only be edited by an admin.');
    }
    if (job.version !== data.version) throw conflict(JOB_CHANGED_MESSAGE, { version: [JOB_CHANGED_MESSAGE] });

    const changes: Partial<typeof jobs.$inferInsert> = {};
    if (data.title !== undefined) changes.title = data.title;
    if (data.description !== undefined) changes.description = data.description || null;
    if (data.priority !== undefined) changes.priority = data.priority;
    if (data.promisedAt !== undefined) changes.promisedAt = data.promisedAt ? parsePromisedAt(data.promisedAt) : null;

    let raiseVehicleOdometer: { vehicleId: string; odometer: number } | null = null;
    if (data.odometerIn !== undefined) {
      const [current] = await tx
        .select({ odometerIn: jobs.odometerIn, vehicleId: jobs.vehicleId, vehicleOdometer: vehicles.odometer })
        .from(jobs)
        .innerJoin(vehicles, eq(vehicles.id, jobs.vehicleId))
        .where(eq(jobs.id, id));
      const next = data.odometerIn;
      if (next !== current!.odometerIn) {
        const last = current!.vehicleOdometer;
        if (next !== null && last !== null && next < last && !flag(data.confirmLowerOdometer)) {
          throw invalid(lowerOdometerErrors(last), 'Please confirm the lower odometer reading.');
        }
        if (next !== null && (last === null || next > last))
          raiseVehicleOdometer = { vehicleId: current!.vehicleId, odometer: next };
      }
      changes.odometerIn = next;
    }

    const updated = await tx
      .update(jobs)
      .set({ ...changes, version: sql`${jobs.version} + 1`, updatedAt: new Date() })
      .where(and(eq(jobs.id, id), eq(jobs.version, data.version)))
      .returning({ id: jobs.id });
    if (updated.length === 0) throw conflict(JOB_CHANGED_MESSAGE, { version: [JOB_CHANGED_MESSAGE] });
    if (raiseVehicleOdometer) {
      await tx
        .update(vehicles)
        .set({ odometer: raiseVehicleOdometer.odometer, updatedAt: new Date() })
        .where(eq(vehicles.id, raiseVehicleOdometer.vehicleId));
    }
  });
  return getJob(signedIn, id);
}

/**
 * Sets who works on a job (admins only). Workers left out are unassigned (their row is kept, with who and
 * when); workers added are assigned, reopening an earlier row for the same pair. Only active workers can be
 * newly assigned. Returns the current assignees.
 */
export async function setJobAssignees(actor: Actor | null, jobId: string, input: unknown): Promise<JobPersonDto[]> {
  const admin = requireAdmin(actor);
  const { userIds } = parse(setJobAssigneesInput, input ?? {});
  const wanted = [...new Set(userIds)];
  const db = await getDb();
  return db.transaction(async (tx) => {
    await jobAccess(tx, admin, jobId, { lock: 'update' });
    const current = await tx
      .select({ workerId: jobAssignments.workerId })
      .from(jobAssignments)
      .where(and(eq(jobAssignments.jobId, jobId), isNull(jobAssignments.unassignedAt)));
    const currentIds = new Set(current.map((row) => row.workerId));
    const toAdd = wanted.filter((userId) => !currentIds.has(userId));
    const toRemove = [...currentIds].filter((userId) => !wanted.includes(userId));

    if (toAdd.length > 0) {
      const eligible = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, toAdd), eq(users.active, true), eq(users.role, 'worker')));
      if (eligible.length !== toAdd.length) {
        throw invalid(
          { userIds: ['Only active workers can be assigned to a job.'] },
          'Only active workers can be assigned to a job.',
        );
      }
    }
    const now = new Date();
    if (toRemove.length > 0) {
      await tx
        .update(jobAssignments)
        .set({ unassignedAt: now, unassignedBy: admin.id })
        .where(
          and(
            eq(jobAssignments.jobId, jobId),
            inArray(jobAssignments.workerId, toRemove),
            isNull(jobAssignments.unassignedAt),
          ),
        );
      // An unassigned worker's clock on this job stops with the unassignment.
      await stopRunningClocksOnJob(tx, jobId, admin.id, toRemove);
    }
    if (toAdd.length > 0) {
      await tx
        .insert(jobAssignments)
        .values(toAdd.map((workerId) => ({ jobId, workerId, assignedBy: admin.id, assignedAt: now })))
        .onConflictDoUpdate({
          target: [jobAssignments.jobId, jobAssignments.workerId],
          set: { assignedBy: admin.id, assignedAt: now, unassignedAt: null, unassignedBy: null },
        });
    }
    return (await currentAssignees(tx, [jobId])).get(jobId) ?? [];
  });
}
