// Time clocks and the technician report: clocking on and off a job (a worker for themselves on jobs assigned to
// them, an admin for anyone), the list of effective entries (workers: their own), corrections and the report
// (admins).
import { z } from 'zod';
import {
  adjustTimeEntryInput,
  clockInput,
  listTimeEntriesInput,
  technicianReportInput,
  type StartedClockDto,
  type TechnicianReportDto,
  type TimeEntryDto,
} from '@/db/time';
import { timeEntrySource } from '@/db/schema';
import { component, matching } from '../components';
import type { ApiRouteSpec } from '../route-spec';
import { timestamp, uuid as id } from './fields';

const timeEntryShape = {
  id,
  userId: id.describe('The technician.'),
  userName: z.string(),
  jobId: id,
  jobNumber: z.number().int().describe('The job’s sequence number (shown as J-000123).'),
  startedAt: timestamp.describe('As corrected, if an admin corrected it.'),
  endedAt: timestamp.nullable().describe('Null while the clock runs.'),
  durationSeconds: z.number().int().describe('Effective length; a running clock: until now.'),
  voided: z.boolean().describe('Voided by a correction: no report counts it.'),
  adjusted: z.boolean(),
  source: z.enum(timeEntrySource.enumValues).describe('Started from the app (ui) or the API.'),
};

export const timeEntryDto = component('TimeEntry', z.object(timeEntryShape), matching<TimeEntryDto>());

export const startedClockDto = component(
  'StartedClock',
  z.object({
    ...timeEntryShape,
    stopped: timeEntryDto.nullable().describe('The technician’s clock on another job that this start stopped.'),
  }),
  matching<StartedClockDto>(),
);

export const technicianReportDto = component(
  'TechnicianReport',
  z.object({
    from: z.string().describe('YYYY-MM-DD (UTC), included.'),
    to: z.string().describe('YYYY-MM-DD (UTC), included.'),
    data: z.array(
      z.object({
        userId: id,
        name: z.string(),
        clockedSeconds: z.number().int(),
        billedHours: z.string().describe('Decimal text with two places ("12.50").'),
        efficiency: z
          .number()
          .nullable()
          .describe('billed ÷ clocked hours, two places; null when nothing was clocked.'),
        jobsWorked: z.number().int().describe('Jobs with clocked time in the period.'),
        jobsCompleted: z
          .number()
          .int()
          .describe('Jobs completed in the period that they are assigned to or clocked on.'),
      }),
    ),
  }),
  matching<TechnicianReportDto>(),
);

export const technicianReportQuery = technicianReportInput.extend({
  format: z.enum(['json', 'csv'], { error: 'Format is json or csv.' }).optional().describe('csv: text/csv.'),
});

export const timeRoutes: ApiRouteSpec[] = [
  {
    method: 'POST',
    path: '/api/v1/jobs/{id}/clock/start',
    operationId: 'startClock',
    summary: 'Clock a technician on a job',
    description:
      'The caller, or (admins only: 403 otherwise) `user_id`. A worker must be assigned to the job. The technician’s clock running on another job stops first, at the same instant (`stopped`). A created job moves to in_progress. A job waiting for parts, completed or cancelled answers 409.',
    tag: 'Time',
    body: clockInput,
    optionalBody: true,
    response: startedClockDto,
    status: 201,
    errors: [403, 409],
  },
  {
    method: 'POST',
    path: '/api/v1/jobs/{id}/clock/stop',
    operationId: 'stopClock',
    summary: 'Clock a technician off a job',
    description: 'The caller, or (admins only) `user_id`. 409 when that technician has no clock running on the job.',
    tag: 'Time',
    body: clockInput,
    optionalBody: true,
    response: timeEntryDto,
    errors: [403, 409],
  },
  {
    method: 'GET',
    path: '/api/v1/time-entries',
    operationId: 'listTimeEntries',
    summary: 'List time entries as corrected, newest first',
    description:
      'Filters: `user_id`, `job_id`, `from`/`to` (days, UTC, by start). A worker sees only their own entries: another `user_id` answers 403.',
    tag: 'Time',
    query: listTimeEntriesInput,
    list: true,
    response: timeEntryDto,
    errors: [403],
  },
  {
    method: 'POST',
    path: '/api/v1/time-entries/{id}/adjustments',
    operationId: 'adjustTimeEntry',
    summary: 'Correct a time entry (admin)',
    description:
      'Append-only: a corrected `started_at` and/or `ended_at`, or `void`, with a `reason` (422 without). Answers the effective entry. A running clock (stop it first) or an overlap with another entry of the technician answers 409.',
    tag: 'Time',
    role: 'admin',
    body: adjustTimeEntryInput,
    response: timeEntryDto,
    status: 201,
    errors: [409],
  },
  {
    method: 'GET',
    path: '/api/v1/reports/technicians',
    operationId: 'getTechnicianReport',
    summary: 'Clocked and billed hours per technician (admin)',
    description:
      'Over `from`–`to` (days, UTC, both included; default this month). Billed hours: labor lines of invoices issued in the period naming the technician, plus an even share of those naming nobody. `format=csv` answers text/csv with the same columns.',
    tag: 'Reports',
    role: 'admin',
    query: technicianReportQuery,
    response: technicianReportDto,
    csv: true,
  },
];
