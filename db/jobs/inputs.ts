// The jobs module's inputs, in their one shape (what a form sends is converted in app/_lib/form.ts first).
import { z } from 'zod';
import { uuidField } from '../core/input';
import { jobPriority, jobStatus } from '../schema';

const titleSchema = z
  .string({ error: 'Describe the complaint.' })
  .trim()
  .min(1, 'Describe the complaint.')
  .max(200, 'Keep the title to 200 characters.');

const descriptionSchema = z.string().trim().max(5000, 'Keep the description to 5000 characters.');

const odometerSchema = z.coerce
  .number({ error: 'Enter the odometer reading as a whole number.' })
  .int('Enter the odometer reading as a whole number.')
  .min(0, 'The odometer reading cannot be negative.')
  .max(9_999_999, 'That odometer reading is too high.');

/** A date ("2026-03-01", kept as the end of that day UTC) or a full ISO 8601 timestamp. */
const promisedAtSchema = z
  .string({ error: 'Enter a valid date.' })
  .trim()
  .max(40, 'Enter a valid date.')
  .refine((text) => parsePromisedAt(text) !== null, 'Enter a valid date.');

/** A checkbox from a form ("on") or a JSON boolean. */
export const flagSchema = z.boolean({ error: 'Must be true or false.' });

export const createJobInput = z.object({
  vehicleId: uuidField('Choose a vehicle.'),
  title: titleSchema,
  description: descriptionSchema.nullish(),
  odometerIn: odometerSchema.nullish(),
  priority: z
    .enum(jobPriority.enumValues, { error: 'Priority must be low, normal, high or urgent.' })
    .default('normal'),
  promisedAt: promisedAtSchema.nullish(),
  confirmLowerOdometer: flagSchema.optional(),
});

export const updateJobInput = z.object({
  version: z.coerce.number({ error: 'The version is missing.' }).int().positive('The version is missing.'),
  title: titleSchema.optional(),
  description: descriptionSchema.nullish(),
  priority: z.enum(jobPriority.enumValues, { error: 'Priority must be low, normal, high or urgent.' }).optional(),
  promisedAt: promisedAtSchema.nullish(),
  odometerIn: odometerSchema.nullish(),
  confirmLowerOdometer: flagSchema.optional(),
});

export const changeJobStatusInput = z.object({
  status: z.enum(jobStatus.enumValues, { error: 'Choose a valid status.' }),
  reason: z.string().trim().max(1000, 'Keep the reason to 1000 characters.').nullish(),
  version: z.coerce.number().int().positive().optional(),
});

export const setJobAssigneesInput = z.object({
  userIds: z
    .array(uuidField('Choose workers from the list.'), { error: 'Choose workers from the list.' })
    .max(20, 'At most 20 workers on one job.'),
});

export const listJobsInput = z.object({
  status: z.enum(jobStatus.enumValues, { error: 'Unknown status.' }).optional(),
  assignee: z.union([z.literal('me'), uuidField('assignee must be "me" or a user id.')]).optional(),
  vehicleId: uuidField('Unknown vehicle.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

export const boardFiltersInput = z.object({
  /** A worker's id, or "unassigned" for jobs nobody is assigned to. */
  worker: z.union([z.literal('unassigned'), uuidField('Unknown worker.')]).optional(),
  priority: z.enum(jobPriority.enumValues, { error: 'Unknown priority.' }).optional(),
  overdue: flagSchema.optional(),
  perColumn: z.coerce.number().int().min(1).max(100).default(50),
});

/** "2026-03-01" → the end of that day (UTC), so the job is overdue only once the promised day is over. */
export function parsePromisedAt(text: string): Date | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dateOnly) {
    const date = new Date(`${text}T23:59:59.999Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A yes/no input left out means no. */
export function flag(value: boolean | undefined): boolean {
  return value === true;
}
