// The estimates module's inputs, in their one shape: money in integer cents, lines nested (the same line as an
// invoice's: db/invoices/inputs.ts).
import { z } from 'zod';
import { optionalText, requiredText, uuidField } from '../core/input';
import { invoiceLineInput } from '../invoices/inputs';

export const estimateInput = z.object({
  lines: z
    .array(invoiceLineInput, { error: 'Add at least one line.' })
    .min(1, 'Add at least one line.')
    .max(100, 'An estimate has at most 100 lines.'),
  notes: optionalText('Notes', 2000),
  /** Days the approval link stays valid once sent; the shop's setting when left out. */
  validDays: z.coerce
    .number({ error: 'Valid days must be a number.' })
    .int('Valid days must be a whole number.')
    .min(1, 'An estimate is valid for at least 1 day.')
    .max(365, 'An estimate is valid for at most 365 days.')
    .nullable()
    .optional(),
});

const approvedLineIds = z
  .array(uuidField('Choose lines of this estimate.'), { error: 'Choose lines of this estimate.' })
  .max(100, 'An estimate has at most 100 lines.');

export const staffAuthorizationInput = z.object({
  channel: z.enum(['phone', 'in_person'], { error: 'Choose phone or in person.' }),
  authorizedBy: requiredText("The authorizer's name", 200),
  approvedLineIds,
  note: optionalText('Note', 2000),
});

export const publicAnswerInput = z.object({
  approvedLineIds,
  name: requiredText('Your name', 200),
});
