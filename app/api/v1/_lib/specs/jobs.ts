// Jobs, their status history and notes: what a caller may see follows the data layer's job visibility.
import { z } from 'zod';
import {
  changeJobStatusInput,
  createJobInput,
  listJobsInput,
  setJobAssigneesInput,
  updateJobInput,
  type JobDto,
  type JobStatusChangeDto,
  type JobSummaryDto,
} from '@/db/jobs';
import { addJobNoteInput, listJobNotesInput, type JobNoteDto } from '@/db/notes';
import { jobStatus } from '@/db/schema';
import { component, matching } from '../components';
import { API_DEFAULT_LIMIT, API_MAX_LIMIT, type ApiRouteSpec } from '../route-spec';
import { jobHeadlineShape, person, timestamp, uuid as id, vehicleNameShape } from './fields';

const jobVehicleShape = {
  id,
  plate: z.string().nullable(),
  vin: z.string().nullable(),
  ...vehicleNameShape,
};

const jobSummaryShape = {
  id,
  number: z.string().describe('The job number as people use it: J-000123.'),
  sequence: z.number().int().describe('The integer behind the number.'),
  ...jobHeadlineShape,
  overdue: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  completedAt: timestamp.nullable(),
  cancelledAt: timestamp.nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int().describe('Send it back with PATCH: a stale version answers 409.'),
  createdBy: id,
  vehicleId: id,
  vehicle: z.object(jobVehicleShape),
  customer: person,
  assignees: z.array(person),
};

export const jobSummaryDto = component('JobSummary', z.object(jobSummaryShape), matching<JobSummaryDto>());

export const jobDto = component(
  'Job',
  z.object({
    ...jobSummaryShape,
    description: z.string().nullable(),
    creator: person,
    vehicle: z.object({ ...jobVehicleShape, odometer: z.number().int().nullable() }),
    liveInvoice: z.object({ id, number: z.string() }).nullable().describe('The job’s issued (not void) invoice.'),
    permissions: z
      .object({
        canEdit: z.boolean(),
        canChangeStatus: z.boolean(),
        canAddNote: z.boolean(),
        canAssign: z.boolean(),
        nextStatuses: z.array(z.enum(jobStatus.enumValues)),
      })
      .describe('What you may do with this job now.'),
  }),
  matching<JobDto>(),
);

export const jobStatusChangeDto = component(
  'JobStatusChange',
  z.object({
    id: z.number().int(),
    jobId: id,
    fromStatus: z.enum(jobStatus.enumValues).nullable(),
    toStatus: z.enum(jobStatus.enumValues),
    reason: z.string().nullable(),
    changedAt: timestamp,
    changedBy: person,
  }),
  matching<JobStatusChangeDto>(),
);

export const jobNoteDto = component(
  'JobNote',
  z.object({ id, jobId: id, body: z.string(), createdAt: timestamp, author: person }),
  matching<JobNoteDto>(),
);

/** GET /api/v1/jobs/{id}/notes: the API's page size rule (1–100, default 25). */
export const apiListJobNotesInput = listJobNotesInput.extend({
  limit: z.coerce.number().int().min(1).max(API_MAX_LIMIT).default(API_DEFAULT_LIMIT),
});

export const jobsRoutes: ApiRouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/jobs',
    operationId: 'listJobs',
    summary: 'List the jobs you may see',
    description:
      'Newest job number first. An admin sees every job; a worker the jobs assigned to them and the ones they created. `assignee` is `me` or a user id.',
    tag: 'Jobs',
    query: listJobsInput,
    list: true,
    response: jobSummaryDto,
  },
  {
    method: 'POST',
    path: '/api/v1/jobs',
    operationId: 'createJob',
    summary: 'Open a job card for a vehicle',
    description:
      'Answers the job with its `number` (J-000123) and status `created`. An `odometer_in` below the vehicle’s last reading needs `confirm_lower_odometer: true` (422 otherwise).',
    tag: 'Jobs',
    body: createJobInput,
    response: jobDto,
    status: 201,
  },
  {
    method: 'GET',
    path: '/api/v1/jobs/{id}',
    operationId: 'getJob',
    summary: 'Get a job',
    description: 'A job you may not see answers 404, exactly like one that does not exist.',
    tag: 'Jobs',
    response: jobDto,
  },
  {
    method: 'PATCH',
    path: '/api/v1/jobs/{id}',
    operationId: 'updateJob',
    summary: 'Change a job’s details',
    description:
      'Send the `version` you read: if the job changed since, nothing is written and the answer is 409. Admins edit any job; the creator and assigned workers edit open ones.',
    tag: 'Jobs',
    body: updateJobInput,
    response: jobDto,
    errors: [403, 409],
  },
  {
    method: 'POST',
    path: '/api/v1/jobs/{id}/status',
    operationId: 'changeJobStatus',
    summary: 'Move a job to another status',
    description:
      'created → in_progress | cancelled; in_progress → waiting_for_parts | completed | cancelled; waiting_for_parts → in_progress | cancelled; completed → in_progress (admin reopen, not while invoiced). Any other change answers 409. Cancelling needs a `reason`. By an admin or an assigned worker (403 otherwise).',
    tag: 'Jobs',
    body: changeJobStatusInput,
    response: jobDto,
    errors: [403, 409],
  },
  {
    method: 'PUT',
    path: '/api/v1/jobs/{id}/assignees',
    operationId: 'setJobAssignees',
    summary: 'Set who works on a job (admin)',
    description: 'The full list of assigned workers: workers left out are unassigned. Answers the job.',
    tag: 'Jobs',
    role: 'admin',
    body: setJobAssigneesInput,
    response: jobDto,
  },
  {
    method: 'GET',
    path: '/api/v1/jobs/{id}/history',
    operationId: 'getJobHistory',
    summary: 'A job’s status changes, oldest first',
    description:
      'Who changed the status, when, from, to and why. The whole history in one page (`next_cursor` is null).',
    tag: 'Jobs',
    list: true,
    response: jobStatusChangeDto,
  },
  {
    method: 'GET',
    path: '/api/v1/jobs/{id}/notes',
    operationId: 'listJobNotes',
    summary: 'A job’s notes, oldest first',
    tag: 'Jobs',
    query: apiListJobNotesInput,
    list: true,
    response: jobNoteDto,
  },
  {
    method: 'POST',
    path: '/api/v1/jobs/{id}/notes',
    operationId: 'addJobNote',
    summary: 'Add a note to a job',
    description: 'By an admin or a worker assigned to the job (403 otherwise). Notes are never edited or deleted.',
    tag: 'Jobs',
    body: addJobNoteInput,
    response: jobNoteDto,
    status: 201,
    errors: [403],
  },
];
