// The parts module's inputs in their one shape: camelCase, integer cents, quantities as text or numbers with at
// most two decimals (converted to hundredths by the functions).
import { z } from 'zod';
import { MAX_UNIT_PRICE_CENTS } from '../money';
import { optionalText, requiredText } from '../core/input';
import { quantityField } from './quantities';

const cents = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number of cents.` })
    .int(`${label} must be a whole number of cents.`)
    .min(0, `${label} cannot be negative.`)
    .max(MAX_UNIT_PRICE_CENTS, `${label} is too large.`);

const optionalId = (label: string) =>
  z
    .string({ error: `${label} must be an id.` })
    .max(100, `${label} must be an id.`)
    .nullable()
    .optional();

const partFields = {
  sku: requiredText('SKU', 64),
  name: requiredText('Name', 200),
  brand: optionalText('Brand', 100),
  unitCostCents: cents('Unit cost'),
  unitPriceCents: cents('Unit price'),
  bin: optionalText('Bin', 50),
  reorderPoint: quantityField('Reorder point', 'non-negative'),
  vendorId: optionalId('Vendor'),
};

export const createPartInput = z.object({
  ...partFields,
  unitCostCents: partFields.unitCostCents.default(0),
  unitPriceCents: partFields.unitPriceCents.default(0),
  reorderPoint: partFields.reorderPoint.default('0'),
});

export const updatePartInput = z.object({
  ...z.object(partFields).partial().shape,
  archived: z.boolean({ error: 'Archived is true or false.' }).optional(),
});

export const listPartsInput = z.object({
  q: z.string().trim().max(100, 'Search text must be at most 100 characters.').optional(),
  reorder: z.boolean({ error: 'Reorder is true or false.' }).optional(),
  includeArchived: z.boolean({ error: 'Include archived is true or false.' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});

export const listMovementsInput = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});

export const adjustStockInput = z.object({
  /** Signed: "-2" takes two off the shelf, "1.5" puts one and a half on. */
  quantity: quantityField('Quantity', 'non-zero'),
  reason: requiredText('Reason', 500),
});

const vendorFields = {
  name: requiredText('Name', 200),
  contactName: optionalText('Contact name', 200),
  phone: optionalText('Phone', 50),
  email: optionalText('Email', 200).refine(
    (value) => !value || /^[^@\s]+@[^@\s]+$/.test(value),
    'Enter an email address like name@example.com.',
  ),
  accountNumber: optionalText('Account number', 100),
};
export const createVendorInput = z.object(vendorFields);
export const updateVendorInput = z.object({
  ...z.object(vendorFields).partial().shape,
  archived: z.boolean({ error: 'Archived is true or false.' }).optional(),
});
export const listVendorsInput = z.object({
  includeArchived: z.boolean({ error: 'Include archived is true or false.' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const purchaseOrderLineInput = z
  .object({
    partId: optionalId('Part'),
    description: optionalText('Description', 500),
    quantity: quantityField('Quantity', 'positive'),
    unitCostCents: cents('Unit cost').optional(),
    jobPartId: optionalId('Job part'),
  })
  .refine((line) => Boolean(line.partId) || Boolean(line.description), {
    message: 'Choose a part or describe the item.',
    path: ['description'],
  });

const poLines = z
  .array(purchaseOrderLineInput, { error: 'Add at least one line.' })
  .min(1, 'Add at least one line.')
  .max(200, 'A purchase order has at most 200 lines.');

const expectedAt = z.coerce
  .date({ error: 'Enter the expected delivery date.' })
  .min(new Date('2000-01-01T00:00:00Z'), 'Enter the expected delivery date.')
  .max(new Date('2100-01-01T00:00:00Z'), 'Enter the expected delivery date.')
  .nullable()
  .optional();

export const createPurchaseOrderInput = z.object({
  vendorId: z.string({ error: 'Choose a vendor.' }).max(100, 'Choose a vendor.'),
  expectedAt,
  notes: optionalText('Notes', 2000),
  lines: poLines,
});

export const updatePurchaseOrderInput = z.object({
  vendorId: z.string({ error: 'Choose a vendor.' }).max(100, 'Choose a vendor.').optional(),
  expectedAt,
  notes: optionalText('Notes', 2000),
  lines: poLines.optional(),
});

export const receivePurchaseOrderInput = z.object({
  lines: z
    .array(
      z.object({
        lineId: z.string({ error: 'Line is required.' }).max(100, 'Line is required.'),
        quantity: quantityField('Received quantity', 'non-negative'),
      }),
      { error: 'Give the received quantity of each line.' },
    )
    .min(1, 'Give the received quantity of at least one line.')
    .max(200, 'A purchase order has at most 200 lines.'),
});

export const listPurchaseOrdersInput = z.object({
  status: z
    .enum(['draft', 'ordered', 'partially_received', 'received', 'cancelled'], { error: 'Unknown status.' })
    .optional(),
  vendorId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});

export const addJobPartInput = z
  .object({
    partId: optionalId('Part'),
    description: optionalText('Description', 500),
    quantity: quantityField('Quantity', 'positive'),
    unitPriceCents: cents('Unit price').optional(),
    unitCostCents: cents('Unit cost').optional(),
  })
  .refine((line) => Boolean(line.partId) || Boolean(line.description), {
    message: 'Choose a part or describe it.',
    path: ['description'],
  });
