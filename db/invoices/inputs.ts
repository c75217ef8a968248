// The invoices module's inputs, in their one shape: money in integer cents, lines nested (a form's decimal
// amounts and flat `lines.0.kind` names are converted in app/_lib/form.ts first).
import { z } from 'zod';
import { MAX_QUANTITY, MAX_UNIT_PRICE_CENTS, quantityToHundredths } from '../money';
import { invoiceLineKind, paymentMethod } from '../schema';
import { paymentStatuses } from './types';

const centsSchema = (label: string, max = MAX_UNIT_PRICE_CENTS) =>
  z.coerce
    .number({ error: `${label} must be a number of cents.` })
    .int(`${label} must be a whole number of cents.`)
    .min(0, `${label} cannot be negative.`)
    .max(max, `${label} is too large.`);

export const invoiceLineInput = z.object({
  kind: z.enum(invoiceLineKind.enumValues, { error: 'Choose labor, part or fee.' }),
  description: z
    .string({ error: 'Description is required.' })
    .trim()
    .min(1, 'Description is required.')
    .max(500, 'Description must be at most 500 characters.'),
  /** Hours for labor, pieces for parts; up to two decimals ("1.25"). */
  quantity: z.union([z.string(), z.number()], { error: 'Quantity is required.' }).refine((value) => {
    const hundredths = quantityToHundredths(value);
    return hundredths !== null && hundredths <= MAX_QUANTITY * 100;
  }, `Quantity must be more than 0 and at most ${MAX_QUANTITY}, with at most two decimals.`),
  /** Unit price in cents. For labor it defaults to the shop's labor rate. */
  unitPriceCents: centsSchema('Unit price').optional(),
  /** A part line from the catalogue (the job's installed part): the line keeps the part and its unit cost. */
  partId: z.string({ error: 'Part must be an id.' }).max(100, 'Part must be an id.').nullable().optional(),
  /** A labor line's technician: one of the job's assignees (billed hours in the productivity report). */
  technicianId: z
    .string({ error: 'Technician must be an id.' })
    .max(100, 'Technician must be an id.')
    .nullable()
    .optional(),
});

export const issueInvoiceInput = z.object({
  lines: z
    .array(invoiceLineInput, { error: 'Add at least one line.' })
    .min(1, 'Add at least one line.')
    .max(100, 'An invoice has at most 100 lines.'),
});

export const recordPaymentInput = z.object({
  /** Required: the refusal says so in the shop's words ("Amount is required."). */
  amountCents: z.coerce
    .number({ error: 'Amount must be a number of cents.' })
    .int('Amount must be a whole number of cents.')
    .positive('Amount must be more than 0.')
    .max(Number.MAX_SAFE_INTEGER / 100, 'Amount is too large.')
    .optional(),
  method: z.enum(paymentMethod.enumValues, { error: 'Choose cash, card, bank transfer or other.' }),
  receivedAt: z.coerce
    .date({ error: 'Enter the date the payment was received.' })
    .min(new Date('2000-01-01T00:00:00Z'), 'Enter the date the payment was received.')
    .optional(),
});

export const voidInvoiceInput = z.object({
  reason: z
    .string({ error: 'Give a reason for voiding the invoice.' })
    .trim()
    .min(1, 'Give a reason for voiding the invoice.')
    .max(1000, 'Reason must be at most 1000 characters.'),
});

export const listInvoicesInput = z.object({
  paymentStatus: z.enum(paymentStatuses, { error: 'Unknown payment status.' }).optional(),
  balance: z.enum(['open', 'settled'], { error: 'Balance is open or settled.' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});

export const listJobsReadyToInvoiceInput = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  cursor: z.string().max(500).optional(),
});
