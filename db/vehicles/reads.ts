import 'server-only';
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, preparedRead } from '../client';
import { decodeCursor, keysetPage, type Page } from '../core/cursor';
import { isUuid } from '../core/ids';
import { parseQuery } from '../core/input';
import { notFound } from '../core/errors';
import { preparedJobsRead, requireSignedIn } from '../core/policy';
import { customers, jobs, makeModelWords, plateVinWords, vehicles } from '../schema';
import { containsOrWordStarts, matchingVehicle, selectMatchingVehicleIds, vehicleKeyConditions } from '../core/search';
import { listVehiclesInput, vinWarningOf } from './inputs';
import {
  vehicleColumns,
  vehicleJobColumns,
  type OdometerReading,
  type VehicleDetail,
  type VehicleListItem,
} from './types';

export async function listVehicles(actor: Actor | null, input: unknown = {}): Promise<Page<VehicleListItem>> {
  requireSignedIn(actor);
  const { customerId, q, includeArchived, limit, cursor } = parseQuery(listVehiclesInput, input);
  const after = cursor ? decodeCursor(cursor, ['text', 'text', 'uuid']) : null;
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
  return keysetPage(rows, limit, (last) => [last.sortMake, last.sortModel, last.id], toListItem);
}

/** A row of the list, less its sort keys, with whether the owner is archived. */
function toListItem<Row extends { sortMake: string; sortModel: string; customerArchivedAt: Date | null }>(row: Row) {
  const { sortMake: _m, sortModel: _o, customerArchivedAt, ...vehicle } = row;
  return { ...vehicle, customerArchived: customerArchivedAt !== null };
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
    .select(vehicleJobColumns)
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
