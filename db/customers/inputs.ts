import { z } from 'zod';
import { optionalText } from '../core/input';
import { customerKind } from '../schema';

const customerFields = {
  kind: z.enum(customerKind.enumValues, { error: 'Choose individual or business.' }),
  name: z
    .string({ error: 'Name is required.' })
    .trim()
    .min(1, 'Name is required.')
    .max(200, 'Name must be at most 200 characters.'),
  company: optionalText('Company', 200),
  phone: z
    .string({ error: 'Phone must be text.' })
    .trim()
    .max(40, 'Phone must be at most 40 characters.')
    .refine((phone) => phoneDigits(phone).length >= 3, 'Enter a phone number with at least 3 digits.')
    .nullable()
    .optional(),
  email: z
    .string({ error: 'Email must be text.' })
    .trim()
    .max(254, 'Email is too long.')
    .pipe(z.email('Enter a valid email address.'))
    .nullable()
    .optional(),
  address: optionalText('Address', 500),
  notes: optionalText('Notes', 5000),
};

/** New customer. Empty optional fields may be left out, or sent as null or "". */
export const createCustomerInput = z.object({
  ...customerFields,
  kind: customerFields.kind.default('individual'),
});

/** Changes to a customer: a field left out stays as it is; null or "" clears an optional field. */
export const updateCustomerInput = z.object(customerFields).partial();

export const listCustomersInput = z.object({
  q: z.string().trim().max(100, 'Search must be at most 100 characters.').optional(),
  includeArchived: z.boolean().default(false),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});

export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}
