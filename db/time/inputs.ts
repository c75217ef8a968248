// The time clock module's inputs, in their one shape (what a form sends is converted in app/_lib/form-inputs.ts).
import { z } from 'zod';
import { requiredText, uuidField } from '../core/input';

const technician = uuidField('Choose a technician.');

/** Start or stop: the technician is the caller unless an admin names someone. */
export const clockInput = z.object({ userId: technician.nullable().optional() });

/** A calendar day (UTC), "2026-03-01". */
export const dayField = (label: string) =>
  z
    .string({ error: `${label} must be a date (YYYY-MM-DD).` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date (YYYY-MM-DD).`)
    .refine((text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text && text >= '2000-01-01';
    }, `${label} must be a real date from 2000 on.`);

export const listTimeEntriesInput = z.object({
  userId: technician.optional(),
  jobId: uuidField('Choose a job.').optional(),
  from: dayField('From').optional(),
  to: dayField('To').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});

const instant = (label: string) =>
  z.coerce
    .date({ error: `${label} must be a date and time.` })
    .min(new Date('2000-01-01T00:00:00Z'), `${label} must be a date and time from 2000 on.`)
    .max(new Date('2100-01-01T00:00:00Z'), `${label} must be a date and time before 2100.`);

export const adjustTimeEntryInput = z
  .object({
    startedAt: instant('Start').optional(),
    endedAt: instant('End').optional(),
    void: z.boolean({ error: 'Void must be true or false.' }).optional(),
    reason: requiredText('Reason', 1000),
  })
  .refine((data) => data.startedAt !== undefined || data.endedAt !== undefined || data.void !== undefined, {
    message: 'Correct the start, the end, or void the entry.',
    path: ['_form'],
  });

export const technicianReportInput = z.object({
  from: dayField('From').optional(),
  to: dayField('To').optional(),
});

export const timesheetInput = z.object({
  from: dayField('From').optional(),
  to: dayField('To').optional(),
  userId: technician.optional(),
});
