// Vehicles: registered under a customer. The VIN is normalised to upper case; a 17-character VIN uses no I, O
// or Q; a wrong check digit is a warning the user accepts (acceptVinWarning), because many VINs outside North
// America don't use it; shorter chassis numbers are allowed. One active vehicle per VIN (the database holds it
// too: vehicles_vin_active_key). Only an admin archives.
import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from './core/actor';
import { getDb, preparedRead, type Executor } from './client';
import { decodeCursor, encodeCursor, normaliseInput, parseInput } from './customers';
import { isUuid } from './core/ids';
import { DomainError, invalid, isCheckViolation, isUniqueViolation, notFound } from './core/errors';
import { preparedJobsRead, requireAdmin, requireSignedIn } from './core/policy';
import { customers, jobs, makeModelWords, plateVinWords, vehicles, type JobPriority, type JobStatus } from './schema';
import { containsOrWordStarts, matchingVehicle, selectMatchingVehicleIds, vehicleKeyConditions } from './core/search';
import { checkVin } from './vin';

// ---------------------------------------------------------------------------------------------- DTOs

export type VehicleDto = {
  id: string;
  customerId: string;
  vin: string | null;
  plate: string | null;
  make: string;
  model: string;
  year: number | null;
  color: string | null;
  odometer: number | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type VehicleListItem = VehicleDto & { customerName: string; customerArchived: boolean };

export type VehicleJobSummary = {
  id: string;
  number: number;
  title: string;
  status: JobStatus;
  priority: JobPriority;
  odometerIn: number | null;
  promisedAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
};

export type OdometerReading = {
  reading: number;
  recordedAt: Date;
  /** `vehicle`: the reading kept on the vehicle (date of its last change); `job`: odometer in of a job. */
  source: 'vehicle' | 'job';
  jobId: string | null;
  jobNumber: number | null;
};

export type VehicleDetail = VehicleDto & {
  owner: { id: string; name: string; phone: string | null; archivedAt: Date | null };
  /** Service history, newest first; only jobs the actor may see. */
  jobs: VehicleJobSummary[];
  /** Newest first. */
  odometerReadings: OdometerReading[];
  /** Set when the stored VIN's check digit is wrong (it was accepted when it was saved). */
  vinWarning: string | null;
};

export type SavedVehicle = VehicleDto & { vinWarning: string | null };

/** Refusal for a VIN already on another active vehicle; `existingVehicleId` lets a UI link to it. */
export class VinTakenError extends DomainError {
  constructor(
    readonly existingVehicleId: string,
    description: string,
  ) {
    super('conflict', 'That VIN is already on another active vehicle.', {
      vin: [`That VIN is already on another active vehicle (${description}).`],
      existingVehicleId: [existingVehicleId],
    });
  }
}

const vehicleColumns = {
  id: vehicles.id,
  customerId: vehicles.customerId,
  vin: vehicles.vin,
  plate: vehicles.plate,
  make: vehicles.make,
  model: vehicles.model,
  year: vehicles.year,
  color: vehicles.color,
  odometer: vehicles.odometer,
  archivedAt: vehicles.archivedAt,
  createdAt: vehicles.createdAt,
  updatedAt: vehicles.updatedAt,
};

// --------------------------------------------------------------------------------------- validation

export const MIN_VEHICLE_YEAR = 1900;
export const MAX_ODOMETER = 10_000_000;

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .nullable()
    .optional();

const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

const vehicleFields = {
  customerId: z.uuid({ error: 'Choose the customer the vehicle belongs to.' }),
  vin: optionalText('VIN', 40),
  plate: optionalText('Plate', 20),
  make: requiredText('Make', 80),
  model: requiredText('Model', 80),
  year: z.coerce
    .number({ error: 'Year must be a whole number.' })
    .int('Year must be a whole number.')
    .min(MIN_VEHICLE_YEAR, `Year must be ${MIN_VEHICLE_YEAR} or later.`)
    .refine((year) => year <= new Date().getUTCFullYear() + 1, 'Year cannot be later than next year.')
    .nullable()
    .optional(),
  color: optionalText('Color', 40),
  odometer: z.coerce
    .number({ error: 'Odometer must be a whole number.' })
    .int('Odometer must be a whole number.')
    .min(0, 'Odometer cannot be negative.')
    .max(MAX_ODOMETER, 'Odometer reading is too large.')
    .nullable()
    .optional(),
  /** Save a 17-character VIN whose check digit (position 9) does not match. */
  acceptVinWarning: z.boolean({ error: 'acceptVinWarning must be true or false.' }).optional(),
};

export const createVehicleInput = z.object(vehicleFields);

/** Changes to a vehicle: a field left out stays; null or "" clears an optional one. customerId moves it. */
export const updateVehicleInput = z.object(vehicleFields).partial();

export const listVehiclesInput = z.object({
  customerId: z.uuid({ error: 'Invalid customer id.' }).optional(),
  q: z.string().trim().max(100, 'Search must be at most 100 characters.').optional(),
  includeArchived: z.boolean().default(false),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(1000).optional(),
});

/** Trimmed, inner spaces collapsed, upper case; null when empty. */
export function normalisePlate(plate: string | null | undefined): string | null {
  const normalised = (plate ?? '').trim().replace(/\s+/g, ' ').toUpperCase();
  return normalised === '' ? null : normalised;
}

/** The VIN to store (or null), or an `invalid` refusal on `vin` (errors, and warnings not accepted). */
function resolveVin(raw: string | null | undefined, acceptWarning: boolean): string | null {
  if (!raw) return null;
  const result = checkVin(raw);
  if (!result.ok) throw invalid({ vin: [result.error] });
  if (result.warning && !acceptWarning) {
    throw invalid(
      {
        vin: [result.warning],
        acceptVinWarning: ['Tick "Accept VIN warning" to save this VIN anyway.'],
      },
      result.warning,
    );
  }
  return result.vin;
}

function vinWarningOf(vin: string | null): string | null {
  if (!vin) return null;
  const result = checkVin(vin);
  return result.ok ? result.warning : null;
}

// --------------------------------------------------------------------------------------------- read

export async function listVehicles(
  actor: Actor | null,
  input: unknown = {},
): Promise<{ data: VehicleListItem[]; nextCursor: string | null }> {
  requireSignedIn(actor);
  const { customerId, q, includeArchived, limit, cursor } = parseInput(
    listVehiclesInput,
    normaliseInput(input, { booleans: ['includeArchived'], blank: 'drop' }),
  );
  const after = cursor ? decodeCursor(cursor, 3) : null;
  const db = await getDb();
  const rows = await db
    .select({
      ...vehicleColumns,
      customerName: customers.name,
      customerArchivedAt: customers.archivedAt,
      sortMake: sql<string>`lower(${vehicles.make})`,
      sortModel: sql<string>`lower(${vehicles.model})`,
    })
    .from(vehicles)
    .innerJoin(customers, eq(customers.id, vehicles.customerId))
    .where(
      and(
        customerId ? eq(vehicles.customerId, customerId) : undefined,
        includeArchived ? undefined : isNull(vehicles.archivedAt),
        // Vehicles of an archived customer leave the general list too (not the customer's own list).
        includeArchived || customerId ? undefined : isNull(customers.archivedAt),
        q ? vehicleSearch(q) : undefined,
        after
          ? sql`(lower(${vehicles.make}), lower(${vehicles.model}), ${vehicles.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${vehicles.make})`), asc(sql`lower(${vehicles.model})`), asc(vehicles.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(({ sortMake: _m, sortModel: _o, customerArchivedAt, ...vehicle }) => ({
      ...vehicle,
      customerArchived: customerArchivedAt !== null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortMake, last.sortModel, last.id]) : null,
  };
}

/**
 * Plate, VIN or "make model" contains the text (a make or a model alone is contained in "make model"), each
 * condition served by its trigram index (vehicles_plate_trgm_idx, vehicles_vin_trgm_idx,
 * vehicles_make_model_trgm_idx, vehicles_plate_key_trgm_idx). Without three letters or digits in a row, the text
 * finds the start of a word in the same fields instead (vehicles_plate_vin_words_idx,
 * vehicles_make_model_words_idx). db/core/search.ts says how the conditions are combined.
 */
function vehicleSearch(q: string): SQL {
  const v = matchingVehicle;
  const ids = selectMatchingVehicleIds([
    ...containsOrWordStarts(
      q,
      [v.plate, v.vin, sql`(${v.make} || ' ' || ${v.model})`],
      [plateVinWords(v.plate, v.vin), makeModelWords(v.make, v.model)],
    ),
    ...vehicleKeyConditions(q),
  ]);
  return sql`${vehicles.id} = any(array(${ids}))`;
}

// The vehicle page and `GET /api/v1/vehicles/{id}`: prepared reads by key (their plans kept).
const vehicleById = preparedRead((db) =>
  db
    .select({
      ...vehicleColumns,
      ownerName: customers.name,
      ownerPhone: customers.phone,
      ownerArchivedAt: customers.archivedAt,
    })
    .from(vehicles)
    .innerJoin(customers, eq(customers.id, vehicles.customerId))
    .where(eq(vehicles.id, sql.placeholder('id')))
    .prepare('vehicle_by_id'),
);
const jobsOfVehicle = preparedJobsRead('vehicle_jobs', (db, visible) =>
  db
    .select({
      id: jobs.id,
      number: jobs.number,
      title: jobs.title,
      status: jobs.status,
      priority: jobs.priority,
      odometerIn: jobs.odometerIn,
      promisedAt: jobs.promisedAt,
      createdAt: jobs.createdAt,
      completedAt: jobs.completedAt,
    })
    .from(jobs)
    .where(and(eq(jobs.vehicleId, sql.placeholder('id')), visible))
    .orderBy(desc(jobs.createdAt), desc(jobs.number))
    .limit(100),
);

export async function getVehicle(actor: Actor | null, id: string): Promise<VehicleDetail> {
  const signedIn = requireSignedIn(actor);
  if (!isUuid(id)) throw notFound('Vehicle');
  const db = await getDb();
  const [row] = await vehicleById(db).execute({ id });
  if (!row) throw notFound('Vehicle');
  const { ownerName, ownerPhone, ownerArchivedAt, ...vehicle } = row;

  const jobRows = await jobsOfVehicle(db, signedIn, { id });

  const readings: OdometerReading[] = jobRows
    .filter((job) => job.odometerIn !== null)
    .map((job) => ({
      reading: job.odometerIn!,
      recordedAt: job.createdAt,
      source: 'job' as const,
      jobId: job.id,
      jobNumber: job.number,
    }));
  if (vehicle.odometer !== null) {
    readings.push({
      reading: vehicle.odometer,
      recordedAt: vehicle.updatedAt,
      source: 'vehicle',
      jobId: null,
      jobNumber: null,
    });
  }
  readings.sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime() || b.reading - a.reading);

  return {
    ...vehicle,
    owner: { id: vehicle.customerId, name: ownerName, phone: ownerPhone, archivedAt: ownerArchivedAt },
    jobs: jobRows,
    odometerReadings: readings,
    vinWarning: vinWarningOf(vehicle.vin),
  };
}

// -------------------------------------------------------------------------------------------- write

export async function createVehicle(actor: Actor | null, input: unknown): Promise<SavedVehicle> {
  requireSignedIn(actor);
  const data = parseInput(createVehicleInput, normaliseInput(input, { booleans: ['acceptVinWarning'] }));
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
  requireSignedIn(actor);
  const data = parseInput(updateVehicleInput, normaliseInput(input, { booleans: ['acceptVinWarning'] }));
  const db = await getDb();
  let vinToCheck: string | null = null;
  return withVinRefusals(
    () => vinToCheck,
    () =>
      db.transaction(async (tx) => {
        const current = await lockVehicle(tx, id);
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
