// Field schemas the response schemas share. They only document answers (responses are never parsed):
// `uuid` gives the document `format: uuid`; incoming ids are checked by the data layer with isUuid.
import { z } from 'zod';
import { jobPriority, jobStatus } from '@/db/schema';

export const timestamp = z.date();
export const uuid = z.uuid();
export const person = z.object({ id: uuid, name: z.string() });
/** A labor line's technician. */
export const technicianId = uuid.nullable().describe('A labor line’s technician: one of the job’s assignees, or null.');

/** What names a vehicle wherever one is shown. */
export const vehicleNameShape = { make: z.string(), model: z.string(), year: z.number().int().nullable() };

/** What every listing of a job shows after its number. */
export const jobHeadlineShape = {
  title: z.string(),
  status: z.enum(jobStatus.enumValues),
  priority: z.enum(jobPriority.enumValues),
  odometerIn: z.number().int().nullable(),
  promisedAt: timestamp.nullable(),
};

/** A job as a customer's or a vehicle's history lists it. */
export const relatedJobShape = {
  id: uuid,
  number: z.number().int().describe('The job’s sequence number (shown as J-000123).'),
  ...jobHeadlineShape,
  createdAt: timestamp,
  completedAt: timestamp.nullable(),
};
