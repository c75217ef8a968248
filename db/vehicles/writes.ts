import 'server-only';
import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, type Executor } from '../client';
import { isUuid } from '../core/ids';
import { normaliseInput, parse } from '../core/input';
import { conflict, DomainError, invalid, isCheckViolation, isUniqueViolation, notFound } from '../core/errors';
import { isAdmin, requireAdmin, requireSignedIn } from '../core/policy';
import { customers, vehicles } from '../schema';
import { createVehicleInput, normalisePlate, resolveVin, updateVehicleInput, vinWarningOf } from './inputs';
import { checkVin } from '../vin';
import { vehicleColumns, VinTakenError, type SavedVehicle, type VehicleDto } from './types';

// -------------------------------------------------------------------------------------------- write

export async function createVehicle(actor: Actor | null, input: unknown): Promise<SavedVehicle> {
  requireSignedIn(actor);
  const data = parse(createVehicleInput, normaliseInput(input));
  const vin = resolveVin(data.vin, data.acceptVinWarning === true);
  const db = await getDb();
  return withVinRefusals(vin, () =>
    db.transaction(async (tx) => {
      await requireActiveCustomer(tx, data.customerId);
      if (vin) await ensureVinFree(tx, vin, null);
      const [vehicle] = await tx
        .insert(vehicles)
        .values({
          customerId: data.customerId,
          vin,
          plate: normalisePlate(data.plate),
          make: data.make,
          model: data.model,
          year: data.year ?? null,
          color: data.color || null,
          odometer: data.odometer ?? null,
        })
        .returning(vehicleColumns);
      return { ...vehicle!, vinWarning: vinWarningOf(vin) };
    }),
  );
}

export async function updateVehicle(actor: Actor | null, id: string, input: unknown): Promise<SavedVehicle> {
  const signedIn = requireSignedIn(actor);
  const data = parse(updateVehicleInput, normaliseInput(input));
  const db = await getDb();
  let vinToCheck: string | null = null;
  return withVinRefusals(
    () => vinToCheck,
    () =>
      db.transaction(async (tx) => {
        // Under the row locks an archive takes too (the vehicle's, and its owner's shared): an edit by a worker
        // and an admin's archive of the vehicle or its owner never cross.
        const current = await lockVehicle(tx, id);
        if (!isAdmin(signedIn)) await requireEditableByWorker(tx, current);
        const changes: Partial<typeof vehicles.$inferInsert> = {};
        if (data.vin !== undefined) {
          const normalised = data.vin ? checkVin(data.vin) : null;
          // An unchanged VIN keeps its accepted warning; a new one is checked in full.
          const sameAsBefore = normalised?.ok && normalised.vin === current.vin;
          const vin = sameAsBefore ? current.vin : resolveVin(data.vin, data.acceptVinWarning === true);
          if (vin !== current.vin) {
            if (vin && current.archivedAt === null) await ensureVinFree(tx, vin, current.id);
            changes.vin = vin;
            vinToCheck = vin;
          }
        }
        if (data.customerId !== undefined && data.customerId !== current.customerId) {
          await requireActiveCustomer(tx, data.customerId);
          changes.customerId = data.customerId;
        }
        if (data.plate !== undefined) changes.plate = normalisePlate(data.plate);
        if (data.make !== undefined) changes.make = data.make;
        if (data.model !== undefined) changes.model = data.model;
        if (data.year !== undefined) changes.year = data.year;
        if (data.color !== undefined) changes.color = data.color || null;
        if (data.odometer !== undefined) changes.odometer = data.odometer;
        const [vehicle] = await tx
          .update(vehicles)
          .set({ ...changes, updatedAt: new Date() })
          .where(eq(vehicles.id, id))
          .returning(vehicleColumns);
        return { ...vehicle!, vinWarning: vinWarningOf(vehicle!.vin) };
      }),
  );
}

/** Admin only. An archived vehicle frees its VIN for another active vehicle. */
export async function archiveVehicle(actor: Actor | null, id: string): Promise<VehicleDto> {
  requireAdmin(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockVehicle(tx, id);
    if (current.archivedAt !== null) return current;
    const [vehicle] = await tx
      .update(vehicles)
      .set({ archivedAt: new Date(), updatedAt: new Date() })
      .where(eq(vehicles.id, id))
      .returning(vehicleColumns);
    return vehicle!;
  });
}

/** Admin only. Refused while another active vehicle has the same VIN. */
export async function unarchiveVehicle(actor: Actor | null, id: string): Promise<VehicleDto> {
  requireAdmin(actor);
  const db = await getDb();
  let vin: string | null = null;
  return withVinRefusals(
    () => vin,
    () =>
      db.transaction(async (tx) => {
        const current = await lockVehicle(tx, id);
        if (current.archivedAt === null) return current;
        vin = current.vin;
        if (current.vin) await ensureVinFree(tx, current.vin, current.id);
        const [vehicle] = await tx
          .update(vehicles)
          .set({ archivedAt: null, updatedAt: new Date() })
          .where(eq(vehicles.id, id))
          .returning(vehicleColumns);
        return vehicle!;
      }),
  );
}

// ------------------------------------------------------------------------------------------ helpers

async function lockVehicle(tx: Executor, id: string): Promise<VehicleDto> {
  if (!isUuid(id)) throw notFound('Vehicle');
  const [row] = await tx.select(vehicleColumns).from(vehicles).where(eq(vehicles.id, id)).for('update');
  if (!row) throw notFound('Vehicle');
  return row;
}

/**
 * Whether the vehicle's owner is archived, holding a share lock on the owner's row so an archive cannot slip in
 * before the caller's write commits.
 */
export async function ownerIsArchived(tx: Executor, customerId: string): Promise<boolean> {
  const [owner] = await tx
    .select({ archivedAt: customers.archivedAt })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for('share');
  return Boolean(owner?.archivedAt);
}

/** 409 for a worker's edit of an archived vehicle, or of a vehicle whose owner is archived (admins unarchive first). */
async function requireEditableByWorker(tx: Executor, vehicle: VehicleDto): Promise<void> {
  if (vehicle.archivedAt !== null) {
    throw conflict('This vehicle is archived. An admin can unarchive it before it is edited.');
  }
  if (await ownerIsArchived(tx, vehicle.customerId)) {
    throw conflict("This vehicle's owner is archived. An admin can unarchive them before the vehicle is edited.");
  }
}

async function requireActiveCustomer(tx: Executor, customerId: string): Promise<void> {
  const [customer] = await tx
    .select({ id: customers.id, archivedAt: customers.archivedAt })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for('share');
  if (!customer) throw invalid({ customerId: ['That customer does not exist.'] });
  if (customer.archivedAt !== null) {
    throw invalid({ customerId: ['That customer is archived. An admin can unarchive them first.'] });
  }
}

async function findActiveVehicleWithVin(executor: Executor, vin: string, exceptId: string | null) {
  const [other] = await executor
    .select({ id: vehicles.id, make: vehicles.make, model: vehicles.model, plate: vehicles.plate })
    .from(vehicles)
    .where(
      and(
        eq(vehicles.vin, vin),
        isNull(vehicles.archivedAt),
        isNotNull(vehicles.vin),
        exceptId ? ne(vehicles.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return other ?? null;
}

function vinTaken(other: { id: string; make: string; model: string; plate: string | null }): VinTakenError {
  return new VinTakenError(other.id, [`${other.make} ${other.model}`, other.plate].filter(Boolean).join(', '));
}

async function ensureVinFree(tx: Executor, vin: string, exceptId: string | null): Promise<void> {
  const other = await findActiveVehicleWithVin(tx, vin, exceptId);
  if (other) throw vinTaken(other);
}

/**
 * Database refusals that are user mistakes become field errors: a VIN taken by a concurrent save (the unique
 * index), or a value a check constraint refuses.
 */
async function withVinRefusals<T>(vin: string | null | (() => string | null), work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'vehicles_vin_active_key')) {
      const value = typeof vin === 'function' ? vin() : vin;
      const other = value ? await findActiveVehicleWithVin(await getDb(), value, null) : null;
      if (other) throw vinTaken(other);
      throw new DomainError('conflict', 'That VIN is already on another active vehicle.', {
        vin: ['That VIN is already on another active vehicle.'],
      });
    }
    if (isCheckViolation(error, 'vehicles_year_range')) throw invalid({ year: ['That year is out of range.'] });
    if (isCheckViolation(error, 'vehicles_vin_length')) throw invalid({ vin: ['A VIN has 5 to 17 characters.'] });
    throw error;
  }
}
