// Invoices: admin only. The API takes money in integer cents (`unit_price_cents`, `amount_cents`) where a form
// may send a decimal; those request shapes are built from the data layer's own field schemas, so the
// messages and limits are the same.
import { z } from 'zod';
import {
  invoiceLineInput,
  listInvoicesInput,
  paymentStatuses,
  recordPaymentInput,
  voidInvoiceInput,
  type InvoiceDto,
  type InvoiceSummaryDto,
} from '@/db/invoices';
import { invoiceLineKind, invoiceStatus, paymentMethod } from '@/db/schema';
import { component, matching } from '../components';
import type { ApiRouteSpec } from '../route-spec';
import { person, technicianId, timestamp, uuid as id, vehicleNameShape } from './fields';

const invoiceVehicleShape = {
  id,
  ...vehicleNameShape,
  plate: z.string().nullable(),
  vin: z.string().nullable(),
};

const invoiceCustomerShape = { id, name: z.string(), company: z.string().nullable() };

const invoiceSummaryShape = {
  id,
  number: z.string().describe('INV-YYYY-NNNN'),
  status: z.enum(invoiceStatus.enumValues),
  paymentStatus: z.enum(paymentStatuses),
  currency: z.string(),
  subtotalCents: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  balanceCents: z.number().int().describe('What is still owed; 0 for a void invoice.'),
  issuedAt: timestamp,
  // An issued invoice is a document: its job, vehicle and customer are copied at issue and never change with
  // them (a renamed customer, a sold car, an edited job).
  job: z.object({ id, number: z.string(), title: z.string() }).describe('The job as it was at issue.'),
  vehicle: z.object(invoiceVehicleShape).describe('The vehicle as it was at issue.'),
  customer: z.object(invoiceCustomerShape).describe('The customer billed, as they were at issue.'),
};

export const invoiceSummaryDto = component(
  'InvoiceSummary',
  z.object(invoiceSummaryShape),
  matching<InvoiceSummaryDto>(),
);

export const invoiceDto = component(
  'Invoice',
  z.object({
    ...invoiceSummaryShape,
    year: z.number().int(),
    sequence: z.number().int(),
    lineCount: z.number().int(),
    issuedBy: person,
    voidedAt: timestamp.nullable(),
    voidedBy: person.nullable(),
    voidReason: z.string().nullable(),
    customer: z.object({
      ...invoiceCustomerShape,
      phone: z.string().nullable(),
      email: z.string().nullable(),
      address: z.string().nullable(),
    }),
    vehicle: z.object({ ...invoiceVehicleShape, color: z.string().nullable(), odometer: z.number().int().nullable() }),
    billTo: z
      .object({
        name: z.string(),
        company: z.string().nullable(),
        address: z.string().nullable(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
      })
      .describe('The bill-to as printed, copied from the customer at issue.'),
    lines: z.array(
      z.object({
        id,
        position: z.number().int(),
        kind: z.enum(invoiceLineKind.enumValues),
        description: z.string(),
        quantity: z.string().describe('Decimal text with two places ("1.50").'),
        unitPriceCents: z.number().int(),
        taxRateBasisPoints: z.number().int(),
        lineTotalCents: z.number().int(),
        taxCents: z.number().int(),
        technicianId,
      }),
    ),
    payments: z.array(
      z.object({
        id,
        amountCents: z.number().int(),
        method: z.enum(paymentMethod.enumValues),
        receivedAt: timestamp,
        recordedBy: person,
        createdAt: timestamp,
      }),
    ),
  }),
  matching<InvoiceDto>(),
);

/**
 * One invoice line as the API takes it: `unit_price_cents` is required (a form may instead send a decimal
 * `unit_price`, or leave a labor price to the shop rate). The fields are the data layer's own.
 */
const apiInvoiceLineInput = z.object({
  kind: invoiceLineInput.shape.kind,
  description: invoiceLineInput.shape.description,
  quantity: invoiceLineInput.shape.quantity,
  unitPriceCents: invoiceLineInput.shape.unitPriceCents.unwrap(),
});

/** POST /api/v1/jobs/{id}/invoice */
export const apiIssueInvoiceInput = z.object({
  lines: z
    .array(apiInvoiceLineInput, { error: 'Add at least one line.' })
    .min(1, 'Add at least one line.')
    .max(100, 'An invoice has at most 100 lines.'),
});

/** POST /api/v1/invoices/{id}/payments: the amount in integer cents (a form may send a decimal `amount`). */
export const apiRecordPaymentInput = z.object({
  amountCents: recordPaymentInput.shape.amountCents.unwrap(),
  method: recordPaymentInput.shape.method,
  receivedAt: recordPaymentInput.shape.receivedAt,
});

export const invoicesRoutes: ApiRouteSpec[] = [
  {
    method: 'POST',
    path: '/api/v1/jobs/{id}/invoice',
    operationId: 'issueInvoice',
    summary: 'Issue the invoice of a completed job (admin)',
    description:
      'Prices each line with the shop’s tax rate for its kind and takes the next number of the year (INV-YYYY-NNNN). A job that is not completed, or already has a live invoice, answers 409.',
    tag: 'Invoices',
    role: 'admin',
    body: apiIssueInvoiceInput,
    response: invoiceDto,
    status: 201,
    errors: [409],
  },
  {
    method: 'GET',
    path: '/api/v1/invoices',
    operationId: 'listInvoices',
    summary: 'List invoices (admin)',
    description:
      'Newest first; filter by `payment_status` (unpaid, partially_paid, paid, void) or `balance` (open, settled).',
    tag: 'Invoices',
    role: 'admin',
    query: listInvoicesInput,
    list: true,
    response: invoiceSummaryDto,
  },
  {
    method: 'GET',
    path: '/api/v1/invoices/{id}',
    operationId: 'getInvoice',
    summary: 'Get an invoice with its lines and payments (admin)',
    tag: 'Invoices',
    role: 'admin',
    response: invoiceDto,
  },
  {
    method: 'POST',
    path: '/api/v1/invoices/{id}/payments',
    operationId: 'recordPayment',
    summary: 'Record a payment on an invoice (admin)',
    description:
      'Answers the invoice with its new `paid_cents`, `balance_cents` and `payment_status`. More than the open balance, or a payment on a void invoice, answers 409.',
    tag: 'Invoices',
    role: 'admin',
    body: apiRecordPaymentInput,
    response: invoiceDto,
    status: 201,
    errors: [409],
  },
  {
    method: 'POST',
    path: '/api/v1/invoices/{id}/void',
    operationId: 'voidInvoice',
    summary: 'Void an invoice (admin)',
    description: 'A reason is required. The job can then be invoiced again. An invoice already void answers 409.',
    tag: 'Invoices',
    role: 'admin',
    body: voidInvoiceInput,
    response: invoiceDto,
    errors: [409],
  },
];
