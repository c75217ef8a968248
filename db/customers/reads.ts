import 'server-only';
import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb, preparedRead, type Executor } from '../client';
import { decodeCursor, keysetPage, nameKeyset, type Page } from '../core/cursor';
import { notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { parseQuery } from '../core/input';
import { preparedJobsRead, requireSignedIn } from '../core/policy';
import { customers, customerWords, jobs, plateVinWords, vehicles } from '../schema';
import {
  containsOrWordStarts,
  matchingCustomer,
  matchingVehicle,
  selectMatchingCustomerIds,
  selectMatchingVehicleIds,
  vehicleKeyConditions,
} from '../core/search';
import { vehicleJobColumns, vehicleSummaryColumns } from '../vehicles';
import { listCustomersInput, phoneDigits } from './inputs';
import {
  customerColumns,
  type CustomerDetail,
  type CustomerDto,
  type CustomerJobSummary,
  type CustomerVehicleSummary,
  type CustomerListItem,
  type DuplicateCustomer,
} from './types';

// --------------------------------------------------------------------------------------------- read

export async function listCustomers(actor: Actor | null, input: unknown = {}): Promise<Page<CustomerListItem>> {
  requireSignedIn(actor);
  const { q, includeArchived, limit, cursor } = parseQuery(listCustomersInput, input);
  const byName = nameKeyset(customers.name, customers.id, cursor);
  const db = await getDb();
  const rows = await db
    .select({ ...customerColumns, sortName: byName.sortName })
    .from(customers)
    .where(
      and(
        includeArchived ? undefined : isNull(customers.archivedAt),
        q ? customerSearch(q, includeArchived) : undefined,
        byName.after,
      ),
    )
    .orderBy(...byName.orderBy)
    .limit(limit + 1);
  const { data: page, nextCursor } = keysetPage(rows, limit, (last) => [last.sortName, last.id]);

  const ids = page.map((row) => row.id);
  const vehicleRows =
    ids.length === 0
      ? []
      : await db
          .select({
            id: vehicles.id,
            customerId: vehicles.customerId,
            plate: vehicles.plate,
            vin: vehicles.vin,
            make: vehicles.make,
            model: vehicles.model,
            year: vehicles.year,
          })
          .from(vehicles)
          .where(and(inArray(vehicles.customerId, ids), isNull(vehicles.archivedAt)))
          .orderBy(asc(vehicles.createdAt), asc(vehicles.id))
          .limit(ids.length * 10);

  return {
    data: page.map(({ sortName: _sortName, ...customer }) => ({
      ...customer,
      vehicles: vehicleRows
        .filter((vehicle) => vehicle.customerId === customer.id)
        .slice(0, 5)
        .map(({ customerId: _customerId, ...vehicle }) => vehicle),
    })),
    nextCursor,
  };
}

/**
 * Name, company, email or phone contains the text; or one of the customer's vehicles has it in plate or VIN; each
 * condition served by its trigram index (customers_*_trgm_idx, vehicles_*_trgm_idx). Without three letters or
 * digits in a row, the text finds the start of a word in the same fields instead (customers_words_idx,
 * vehicles_plate_vin_words_idx); its digits (phone) and its search key (plate, VIN) still match anywhere once they
 * are three characters long. Matching vehicles are found first and checked for being archived afterwards, so that
 * no VIN condition is served by scanning the active-VIN index. db/core/search.ts says how the conditions are combined.
 */
function customerSearch(q: string, includeArchived: boolean): SQL {
  const c = matchingCustomer;
  const v = matchingVehicle;
  const own = containsOrWordStarts(
    q,
    [c.name, c.company, c.email, c.phone],
    [customerWords(c.name, c.company, c.email)],
  );
  const digits = phoneDigits(q);
  if (/^[\d\s+().\-/]+$/.test(q) && digits.length >= 3) {
    own.push(sql`regexp_replace(coalesce(${c.phone}, ''), '[^0-9]', '', 'g') like ${`%${digits}%`}`);
  }
  const vehicleIds = selectMatchingVehicleIds([
    ...containsOrWordStarts(q, [v.plate, v.vin], [plateVinWords(v.plate, v.vin)]),
    ...vehicleKeyConditions(q),
  ]);
  return sql`${customers.id} = any(array(${selectMatchingCustomerIds(own)} union all select ${vehicles.customerId} from ${vehicles}
    where ${vehicles.id} = any(array(${vehicleIds}))${includeArchived ? sql`` : sql` and ${vehicles.archivedAt} is null`}))`;
}

// The customer page and `GET /api/v1/customers/{id}`: prepared reads by key (their plans kept).
const customerById = preparedRead((db) =>
  db
    .select(customerColumns)
    .from(customers)
    .where(eq(customers.id, sql.placeholder('id')))
    .prepare('customer_by_id'),
);
// Both lists are keyset pages (the customer page shows a screenful of each; the API the first 100): `after*` and
// `before*` are the last row's sort values, the first page's are below every row.
const vehiclesOfCustomer = preparedRead((db) =>
  db
    .select({ ...vehicleSummaryColumns, sortCreatedAt: sql<string>`${vehicles.createdAt}::text` })
    .from(vehicles)
    .where(
      and(
        eq(vehicles.customerId, sql.placeholder('id')),
        sql`(${vehicles.archivedAt} is not null, ${vehicles.createdAt}, ${vehicles.id}) > (${sql.placeholder('afterArchived')}::boolean, ${sql.placeholder('afterCreatedAt')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`,
      ),
    )
    .orderBy(sql`${vehicles.archivedAt} is not null`, asc(vehicles.createdAt), asc(vehicles.id))
    .limit(sql.placeholder('limit'))
    .prepare('customer_vehicles'),
);
const jobsOfCustomer = preparedJobsRead('customer_jobs', (db, visible) =>
  db
    .select({
      ...vehicleJobColumns,
      vehicleId: jobs.vehicleId,
      vehicleMake: vehicles.make,
      vehicleModel: vehicles.model,
      vehiclePlate: vehicles.plate,
      sortCreatedAt: sql<string>`${jobs.createdAt}::text`,
    })
    .from(jobs)
    .innerJoin(vehicles, eq(vehicles.id, jobs.vehicleId))
    .where(
      and(
        eq(vehicles.customerId, sql.placeholder('id')),
        // The customer's vehicles first, then their jobs through jobs_vehicle_id_idx: without it the planner may
        // walk the whole jobs table newest first looking for this customer's.
        sql`${jobs.vehicleId} = any(array(select ${vehicles.id} from ${vehicles} where ${vehicles.customerId} = ${sql.placeholder('id')}))`,
        visible,
        sql`(${jobs.createdAt}, ${jobs.number}) < (${sql.placeholder('beforeCreatedAt')}::timestamptz, ${sql.placeholder('beforeNumber')}::integer)`,
      ),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.number))
    .limit(sql.placeholder('limit')),
);

/** Where a page of the customer's vehicles or jobs starts (a cursor from the previous page) and how long it is. */
export type CustomerPages = { vehicles: { cursor?: string; limit: number }; jobs: { cursor?: string; limit: number } };

/** The customer with one page of their vehicles and one of their jobs: the customer page. */
export async function getCustomerPage(
  actor: Actor | null,
  id: string,
  pages: CustomerPages,
): Promise<
  CustomerDto & {
    vehicles: Page<CustomerVehicleSummary>;
    jobs: Page<CustomerJobSummary>;
    duplicates: DuplicateCustomer[];
  }
> {
  const signedIn = requireSignedIn(actor);
  if (!isUuid(id)) throw notFound('Customer');
  const afterVehicle = pages.vehicles.cursor
    ? decodeCursor(pages.vehicles.cursor, ['integer', 'timestamp', 'uuid'])
    : [0, '-infinity', '00000000-0000-0000-0000-000000000000'];
  const beforeJob = pages.jobs.cursor
    ? decodeCursor(pages.jobs.cursor, ['timestamp', 'integer'])
    : ['infinity', 2 ** 31 - 1];
  const db = await getDb();
  const [customer] = await customerById(db).execute({ id });
  if (!customer) throw notFound('Customer');
  const vehicleRows = await vehiclesOfCustomer(db).execute({
    id,
    afterArchived: afterVehicle[0] === 1,
    afterCreatedAt: afterVehicle[1],
    afterId: afterVehicle[2],
    limit: pages.vehicles.limit + 1,
  });
  const jobRows = await jobsOfCustomer(db, signedIn, {
    id,
    beforeCreatedAt: beforeJob[0],
    beforeNumber: beforeJob[1],
    limit: pages.jobs.limit + 1,
  });
  const duplicates = await findDuplicates(db, customer);
  const vehiclePage = keysetPage(vehicleRows, pages.vehicles.limit, (v) => [
    v.archivedAt ? 1 : 0,
    v.sortCreatedAt,
    v.id,
  ]);
  const jobPage = keysetPage(jobRows, pages.jobs.limit, (job) => [job.sortCreatedAt, job.number]);
  return {
    ...customer,
    vehicles: {
      data: vehiclePage.data.map(({ sortCreatedAt: _sort, ...vehicle }) => vehicle),
      nextCursor: vehiclePage.nextCursor,
    },
    jobs: { data: jobPage.data.map(({ sortCreatedAt: _sort, ...job }) => job), nextCursor: jobPage.nextCursor },
    duplicates,
  };
}

/** The customer with their first 100 vehicles and jobs: `GET /api/v1/customers/{id}`, the edit page. */
export async function getCustomer(actor: Actor | null, id: string): Promise<CustomerDetail> {
  const {
    vehicles: vehiclePage,
    jobs: jobPage,
    ...customer
  } = await getCustomerPage(actor, id, {
    vehicles: { limit: 100 },
    jobs: { limit: 100 },
  });
  return { ...customer, vehicles: vehiclePage.data, jobs: jobPage.data };
}

/** Other customers (archived ones too, flagged) with the same phone digits or the same email. */
export async function findDuplicates(
  executor: Executor,
  customer: Pick<CustomerDto, 'id' | 'phone' | 'email'>,
): Promise<DuplicateCustomer[]> {
  const digits = customer.phone ? phoneDigits(customer.phone) : '';
  const email = customer.email?.trim().toLowerCase() ?? '';
  if (digits.length < 5 && email === '') return [];
  const phoneMatch =
    digits.length >= 5
      ? sql<boolean>`(regexp_replace(coalesce(${customers.phone}, ''), '[^0-9]', '', 'g') = ${digits})`
      : sql<boolean>`false`;
  // lower(email), as customers_email_lower_idx has it (email is not empty here, so null never matches).
  const emailMatch = email ? sql<boolean>`(lower(${customers.email}) = ${email})` : sql<boolean>`false`;
  const rows = await executor
    .select({
      id: customers.id,
      name: customers.name,
      archivedAt: customers.archivedAt,
      phoneMatch,
      emailMatch,
    })
    .from(customers)
    .where(and(ne(customers.id, customer.id), or(phoneMatch, emailMatch)))
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(5);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    archived: row.archivedAt !== null,
    matches: [...(row.phoneMatch ? (['phone'] as const) : []), ...(row.emailMatch ? (['email'] as const) : [])],
  }));
}
