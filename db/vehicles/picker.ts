// The new-job screen's vehicle picker: active vehicles of active customers by plate, VIN or owner.
import 'server-only';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { keysetPage, nameKeyset, type Page } from '../core/cursor';
import { isUuid } from '../core/ids';
import { parse } from '../core/input';
import { notFound } from '../core/errors';
import { requireSignedIn } from '../core/policy';
import { customers, customerWords, plateVinWords, vehicles } from '../schema';
import {
  containsOrWordStarts,
  matchingCustomer,
  matchingVehicle,
  selectMatchingCustomerIds,
  selectMatchingVehicleIds,
} from '../core/search';

export type VehicleChoiceDto = {
  id: string;
  plate: string | null;
  vin: string | null;
  make: string;
  model: string;
  year: number | null;
  odometer: number | null;
  customer: { id: string; name: string };
};

export const searchVehiclesInput = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(500).optional(),
});

// ------------------------------------------------------------------------------ vehicles for a new job

/** What the new-job vehicle picker shows of a vehicle and its owner. */
const vehicleChoiceColumns = {
  id: vehicles.id,
  plate: vehicles.plate,
  vin: vehicles.vin,
  make: vehicles.make,
  model: vehicles.model,
  year: vehicles.year,
  odometer: vehicles.odometer,
  customerId: customers.id,
  customerName: customers.name,
};

/** Active vehicles of active customers matching a plate, VIN or customer name, for the new-job picker. */
export async function searchVehiclesForJob(
  actor: Actor | null,
  input: z.input<typeof searchVehiclesInput> = {},
): Promise<Page<VehicleChoiceDto>> {
  requireSignedIn(actor);
  const { q, limit, cursor } = parse(searchVehiclesInput, input ?? {});
  const byName = nameKeyset(customers.name, vehicles.id, cursor);
  const db = await getDb();
  const rows = await db
    .select(vehicleChoiceColumns)
    .from(vehicles)
    .innerJoin(customers, eq(customers.id, vehicles.customerId))
    .where(
      and(
        isNull(vehicles.archivedAt),
        isNull(customers.archivedAt),
        q ? vehicleChoiceSearch(q) : undefined,
        byName.after,
      ),
    )
    .orderBy(...byName.orderBy)
    .limit(limit + 1);
  return keysetPage(rows, limit, (last) => [last.customerName.toLowerCase(), last.id], toVehicleChoice);
}

/**
 * Plate or VIN contains the text, or the owner's name or company does, each condition served by its trigram index
 * (vehicles_plate_trgm_idx, vehicles_vin_trgm_idx, customers_name_trgm_idx, customers_company_trgm_idx). Without
 * three letters or digits in a row, the text finds the start of a word in plate, VIN or the owner's name, company
 * or email instead (vehicles_plate_vin_words_idx, customers_words_idx). db/core/search.ts says how they are combined.
 */
function vehicleChoiceSearch(q: string): SQL {
  const v = matchingVehicle;
  const c = matchingCustomer;
  const owners = selectMatchingCustomerIds(
    containsOrWordStarts(q, [c.name, c.company], [customerWords(c.name, c.company, c.email)]),
  );
  const ids = selectMatchingVehicleIds([
    ...containsOrWordStarts(q, [v.plate, v.vin], [plateVinWords(v.plate, v.vin)]),
    sql`${v.customerId} = any(array(${owners}))`,
  ]);
  return sql`${vehicles.id} = any(array(${ids}))`;
}

/** One active vehicle (with its owner) to open a job for; "not found" when missing or archived. */
export async function getVehicleForJob(actor: Actor | null, vehicleId: string): Promise<VehicleChoiceDto> {
  requireSignedIn(actor);
  if (!isUuid(vehicleId)) throw notFound('Vehicle');
  const db = await getDb();
  const [row] = await db
    .select(vehicleChoiceColumns)
    .from(vehicles)
    .innerJoin(customers, eq(customers.id, vehicles.customerId))
    .where(and(eq(vehicles.id, vehicleId), isNull(vehicles.archivedAt)));
  if (!row) throw notFound('Vehicle');
  return toVehicleChoice(row);
}

type VehicleChoiceRow = Omit<VehicleChoiceDto, 'customer'> & { customerId: string; customerName: string };

function toVehicleChoice(row: VehicleChoiceRow): VehicleChoiceDto {
  const { customerId, customerName, ...vehicle } = row;
  return { ...vehicle, customer: { id: customerId, name: customerName } };
}
