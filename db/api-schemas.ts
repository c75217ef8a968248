// The response schemas of the REST API v1 resource endpoints (customers, vehicles, jobs, notes, invoices,
// audit), mirroring the DTO types the data layer returns: each schema is checked against its DTO type in both
// directions (a field added to or dropped from a DTO fails the typecheck until the document follows).
// Also the few API-only request shapes, built from the data layer's own field schemas so the messages and
// limits are the same: the API asks for `unit_price_cents` and `amount_cents` where a form may send a decimal.
import 'server-only';
import { z } from 'zod';
import type { AuditEventDto } from './audit';
import type { CustomerDetail, CustomerDto, CustomerListItem, SavedCustomer } from './customers';
import { fieldErrorsFromZod, invalid } from './core/errors';
import {
  invoiceLineInput,
  paymentStatuses,
  recordPaymentInput,
  voidInvoiceInput,
  type InvoiceDto,
  type InvoiceSummaryDto,
} from './invoices';
import type { JobDto, JobStatusChangeDto, JobSummaryDto } from './jobs';
import { addJobNoteInput, listJobNotesInput, type JobNoteDto } from './notes';
import { apiSchema } from './openapi';
import {
  auditAction,
  customerKind,
  invoiceLineKind,
  invoiceStatus,
  jobPriority,
  jobStatus,
  paymentMethod,
  requestOrigin,
} from './schema';
import type { SavedVehicle, VehicleDetail, VehicleDto, VehicleListItem } from './vehicles';

// ------------------------------------------------------------------------------------ type checks

/** True only when A and B are each assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time assertion: `const _x: Exact<typeof schema, Dto> = true` fails the typecheck on any drift. */
type Exact<S extends z.ZodType, T> = Same<z.output<S>, T>;

const timestamp = z.date();
const id = z.uuid();
const person = z.object({ id, name: z.string() });

// ------------------------------------------------------------------------------------- customers

const customerShape = {
  id,
  kind: z.enum(customerKind.enumValues),
  name: z.string(),
  company: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
};

export const customerDto = apiSchema('Customer', z.object(customerShape));

const duplicateCustomerDto = apiSchema(
  'DuplicateCustomer',
  z
    .object({ id, name: z.string(), archived: z.boolean(), matches: z.array(z.enum(['phone', 'email'])) })
    .describe('Another customer with the same phone number or email: a warning, never a refusal.'),
);

export const savedCustomerDto = apiSchema(
  'SavedCustomer',
  z.object({ ...customerShape, duplicates: z.array(duplicateCustomerDto) }),
);

const customerVehicleShape = {
  id,
  vin: z.string().nullable(),
  plate: z.string().nullable(),
  make: z.string(),
  model: z.string(),
  year: z.number().int().nullable(),
};

export const customerListItemDto = apiSchema(
  'CustomerListItem',
  z.object({
    ...customerShape,
    vehicles: z.array(z.object(customerVehicleShape)).describe('Up to 5 active vehicles.'),
  }),
);

const relatedJobShape = {
  id,
  number: z.number().int().describe('The job’s sequence number (shown as J-000123).'),
  title: z.string(),
  status: z.enum(jobStatus.enumValues),
  priority: z.enum(jobPriority.enumValues),
  odometerIn: z.number().int().nullable(),
  promisedAt: timestamp.nullable(),
  createdAt: timestamp,
  completedAt: timestamp.nullable(),
};

export const customerDetailDto = apiSchema(
  'CustomerDetail',
  z.object({
    ...customerShape,
    vehicles: z.array(
      z.object({
        ...customerVehicleShape,
        color: z.string().nullable(),
        odometer: z.number().int().nullable(),
        archivedAt: timestamp.nullable(),
      }),
    ),
    jobs: z
      .array(
        z.object({
          ...relatedJobShape,
          vehicleId: id,
          vehicleMake: z.string(),
          vehicleModel: z.string(),
          vehiclePlate: z.string().nullable(),
        }),
      )
      .describe('Newest first; only the jobs you may see.'),
    duplicates: z.array(duplicateCustomerDto),
  }),
);

// -------------------------------------------------------------------------------------- vehicles

const vehicleShape = {
  id,
  customerId: id,
  vin: z.string().nullable(),
  plate: z.string().nullable(),
  make: z.string(),
  model: z.string(),
  year: z.number().int().nullable(),
  color: z.string().nullable(),
  odometer: z.number().int().nullable(),
  archivedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
};

const vinWarning = z
  .string()
  .nullable()
  .describe('Set when the VIN’s check digit is wrong (it was accepted with accept_vin_warning).');

export const vehicleDto = apiSchema('Vehicle', z.object(vehicleShape));

export const savedVehicleDto = apiSchema('SavedVehicle', z.object({ ...vehicleShape, vinWarning }));

export const vehicleListItemDto = apiSchema(
  'VehicleListItem',
  z.object({ ...vehicleShape, customerName: z.string(), customerArchived: z.boolean() }),
);

export const vehicleDetailDto = apiSchema(
  'VehicleDetail',
  z.object({
    ...vehicleShape,
    owner: z.object({ id, name: z.string(), phone: z.string().nullable(), archivedAt: timestamp.nullable() }),
    jobs: z.array(z.object(relatedJobShape)).describe('Service history, newest first; only the jobs you may see.'),
    odometerReadings: z.array(
      z.object({
        reading: z.number().int(),
        recordedAt: timestamp,
        source: z.enum(['vehicle', 'job']),
        jobId: id.nullable(),
        jobNumber: z.number().int().nullable(),
      }),
    ),
    vinWarning,
  }),
);

// ------------------------------------------------------------------------------------------ jobs

const jobVehicleShape = {
  id,
  plate: z.string().nullable(),
  vin: z.string().nullable(),
  make: z.string(),
  model: z.string(),
  year: z.number().int().nullable(),
};

const jobSummaryShape = {
  id,
  number: z.string().describe('The job number as people use it: J-000123.'),
  sequence: z.number().int().describe('The integer behind the number.'),
  title: z.string(),
  status: z.enum(jobStatus.enumValues),
  priority: z.enum(jobPriority.enumValues),
  odometerIn: z.number().int().nullable(),
  promisedAt: timestamp.nullable(),
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

export const jobSummaryDto = apiSchema('JobSummary', z.object(jobSummaryShape));

export const jobDto = apiSchema(
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
);

export const jobStatusChangeDto = apiSchema(
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
);

export const jobNoteDto = apiSchema(
  'JobNote',
  z.object({ id, jobId: id, body: z.string(), createdAt: timestamp, author: person }),
);

// -------------------------------------------------------------------------------------- invoices

const invoiceVehicleShape = {
  id,
  make: z.string(),
  model: z.string(),
  year: z.number().int().nullable(),
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
  job: z.object({ id, number: z.string(), title: z.string() }),
  vehicle: z.object(invoiceVehicleShape),
  customer: z.object(invoiceCustomerShape),
};

export const invoiceSummaryDto = apiSchema('InvoiceSummary', z.object(invoiceSummaryShape));

export const invoiceDto = apiSchema(
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
);

// ----------------------------------------------------------------------------------------- audit

export const auditEventDto = apiSchema(
  'AuditEvent',
  z.object({
    id: z.number().int(),
    occurredAt: timestamp,
    actorId: id.nullable(),
    actorName: z.string().nullable(),
    origin: z.enum(requestOrigin.enumValues),
    entity: z.string(),
    entityId: z.string(),
    action: z.enum(auditAction.enumValues),
    before: z.unknown().describe('The row before the change (null for an insert).'),
    after: z.unknown().describe('The row after the change.'),
  }),
);

// ----------------------------------------------------------------------------- drift assertions

const _customer: Exact<typeof customerDto, CustomerDto> = true;
const _savedCustomer: Exact<typeof savedCustomerDto, SavedCustomer> = true;
const _customerListItem: Exact<typeof customerListItemDto, CustomerListItem> = true;
const _customerDetail: Exact<typeof customerDetailDto, CustomerDetail> = true;
const _vehicle: Exact<typeof vehicleDto, VehicleDto> = true;
const _savedVehicle: Exact<typeof savedVehicleDto, SavedVehicle> = true;
const _vehicleListItem: Exact<typeof vehicleListItemDto, VehicleListItem> = true;
const _vehicleDetail: Exact<typeof vehicleDetailDto, VehicleDetail> = true;
const _jobSummary: Exact<typeof jobSummaryDto, JobSummaryDto> = true;
const _job: Exact<typeof jobDto, JobDto> = true;
const _jobStatusChange: Exact<typeof jobStatusChangeDto, JobStatusChangeDto> = true;
const _jobNote: Exact<typeof jobNoteDto, JobNoteDto> = true;
const _invoiceSummary: Exact<typeof invoiceSummaryDto, InvoiceSummaryDto> = true;
const _invoice: Exact<typeof invoiceDto, InvoiceDto> = true;
const _auditEvent: Exact<typeof auditEventDto, AuditEventDto> = true;
export const dtoSchemasMatchTheDataLayer = [
  _customer,
  _savedCustomer,
  _customerListItem,
  _customerDetail,
  _vehicle,
  _savedVehicle,
  _vehicleListItem,
  _vehicleDetail,
  _jobSummary,
  _job,
  _jobStatusChange,
  _jobNote,
  _invoiceSummary,
  _invoice,
  _auditEvent,
].every(Boolean);

// --------------------------------------------------------------------------- API request shapes

/**
 * One invoice line as the API takes it: `unit_price_cents` is required (a form may instead send a decimal
 * `unit_price`, or leave a labor price to the shop rate). The fields are db/invoices.ts's own.
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

/** POST /api/v1/invoices/{id}/void */
export const apiVoidInvoiceInput = voidInvoiceInput;

/** POST /api/v1/jobs/{id}/notes */
export const apiAddJobNoteInput = addJobNoteInput;

/** GET /api/v1/jobs/{id}/notes: the API's page size rule (1–100, default 25). */
export const apiListJobNotesInput = listJobNotesInput.extend({
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/**
 * Checks a body or query against an API-only shape (the wrapper maps the field errors to snake_case) and
 * returns exactly the fields the shape knows, for the data-layer function to validate again with its rules.
 */
export function parseApiInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw invalid(fieldErrorsFromZod(result.error));
  return result.data;
}
