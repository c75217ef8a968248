// One job as every list shows it (its vehicle, customer and current assignees), read in one statement.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { formatJobNumber } from '../core/document-numbers';
import { customers, jobAssignments, jobs, users, vehicles } from '../schema';
import { isOverdue } from './rules';
import type { JobPersonDto, JobSummaryDto } from './types';

export const summaryColumns = {
  id: jobs.id,
  sequence: jobs.number,
  title: jobs.title,
  description: jobs.description,
  status: jobs.status,
  priority: jobs.priority,
  odometerIn: jobs.odometerIn,
  promisedAt: jobs.promisedAt,
  createdAt: jobs.createdAt,
  updatedAt: jobs.updatedAt,
  completedAt: jobs.completedAt,
  cancelledAt: jobs.cancelledAt,
  cancelReason: jobs.cancelReason,
  version: jobs.version,
  createdBy: jobs.createdBy,
  vehicleId: jobs.vehicleId,
  vehiclePlate: vehicles.plate,
  vehicleVin: vehicles.vin,
  vehicleMake: vehicles.make,
  vehicleModel: vehicles.model,
  vehicleYear: vehicles.year,
  vehicleOdometer: vehicles.odometer,
  customerId: customers.id,
  customerName: customers.name,
};

/** A row of `summaryColumns`: the job's own fields as the DTO has them, its vehicle and customer flat. */
export type SummaryRow = Omit<JobSummaryDto, 'number' | 'overdue' | 'vehicle' | 'customer' | 'assignees'> & {
  description: string | null;
  vehiclePlate: string | null;
  vehicleVin: string | null;
  vehicleMake: string;
  vehicleModel: string;
  vehicleYear: number | null;
  vehicleOdometer: number | null;
  customerId: string;
  customerName: string;
};

/**
 * The job's current assignees, by name, as one JSON value of the job's row. "jobs"."id" by hand: inside a select
 * list Drizzle writes bare column names, which would resolve against the subquery's own tables.
 */
const assigneesJson = sql<JobPersonDto[]>`coalesce((
  select json_agg(json_build_object('id', "assignee"."id", 'name', "assignee"."name") order by "assignee"."name", "assignee"."id")
  from ${jobAssignments} "assignment" join ${users} "assignee" on "assignee"."id" = "assignment"."worker_id"
  where "assignment"."job_id" = "jobs"."id" and "assignment"."unassigned_at" is null), '[]'::json)`;

// Spread into the selection so its type is an object type TypeScript can resolve (a bare generic `Fields` leaves
// Drizzle's select mode undecided, and the builder then offers no joins).
const noColumns = {};

/** `fields` from jobs joined to their vehicle and its customer (the join every job list and document reads). */
export function selectJobsWithCustomer<Fields extends SelectedFields>(executor: Executor, fields: Fields) {
  return executor
    .select({ ...fields, ...noColumns })
    .from(jobs)
    .innerJoin(vehicles, eq(vehicles.id, jobs.vehicleId))
    .innerJoin(customers, eq(customers.id, vehicles.customerId));
}

/** Jobs with their vehicle, customer and current assignees (plus `extra` columns): one statement for a list. */
export function selectSummaries<Extra extends SelectedFields>(executor: Executor, extra: Extra = {} as Extra) {
  return selectJobsWithCustomer(executor, { ...summaryColumns, assignees: assigneesJson, ...extra });
}

export async function currentAssignees(executor: Executor, jobIds: string[]): Promise<Map<string, JobPersonDto[]>> {
  const byJob = new Map<string, JobPersonDto[]>();
  if (jobIds.length === 0) return byJob;
  const rows = await executor
    .select({ jobId: jobAssignments.jobId, id: users.id, name: users.name })
    .from(jobAssignments)
    .innerJoin(users, eq(users.id, jobAssignments.workerId))
    .where(and(inArray(jobAssignments.jobId, jobIds), isNull(jobAssignments.unassignedAt)))
    .orderBy(asc(users.name), asc(users.id));
  for (const row of rows) {
    const list = byJob.get(row.jobId) ?? [];
    list.push({ id: row.id, name: row.name });
    byJob.set(row.jobId, list);
  }
  return byJob;
}

export function toSummary(row: SummaryRow, assignees: JobPersonDto[]): JobSummaryDto {
  return {
    id: row.id,
    number: formatJobNumber(row.sequence),
    sequence: row.sequence,
    title: row.title,
    status: row.status,
    priority: row.priority,
    odometerIn: row.odometerIn,
    promisedAt: row.promisedAt,
    overdue: isOverdue(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
    cancelledAt: row.cancelledAt,
    cancelReason: row.cancelReason,
    version: row.version,
    createdBy: row.createdBy,
    vehicleId: row.vehicleId,
    vehicle: {
      id: row.vehicleId,
      plate: row.vehiclePlate,
      vin: row.vehicleVin,
      make: row.vehicleMake,
      model: row.vehicleModel,
      year: row.vehicleYear,
    },
    customer: { id: row.customerId, name: row.customerName },
    assignees,
  };
}

export function summaries(rows: (SummaryRow & { assignees: JobPersonDto[] })[]): JobSummaryDto[] {
  return rows.map((row) => toSummary(row, row.assignees));
}
