// The whole data model, top to bottom: enums, tables (with their constraints and indexes), relations, types.
// SQL names are snake_case, TypeScript names camelCase. Integrity that PostgreSQL can hold lives here or in
// the hand-written trigger migration (drizzle/0002_*.sql): status transitions, append-only tables, no DELETE.
import { relations, sql, type SQLWrapper } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const archivedAt = () => timestamp('archived_at', { withTimezone: true });
const uuidId = () => uuid('id').primaryKey().defaultRandom();
/** A uuid column that must name a row of another table. */
const requiredRef = (name: string, target: () => AnyPgColumn) => uuid(name).notNull().references(target);

/** A plate as a search key: upper-case letters and digits only ("abc 123" finds "ABC-123"; db/core/search.ts searchKey). */
export const plateKey = (plate: SQLWrapper) => sql`regexp_replace(upper(coalesce(${plate}, '')), '[^A-Z0-9]', '', 'g')`;

/**
 * The words a one- or two-letter search finds by their start (db/core/search.ts), written once for the indexes below
 * and the searches that must repeat them exactly to use them: a customer's name, company and email; a vehicle's
 * plate (also as its search key, "ABC-123" → "ABC123") and VIN; its make and model.
 */
export const customerWords = (name: SQLWrapper, company: SQLWrapper, email: SQLWrapper) =>
  sql`to_tsvector('simple', ${name} || ' ' || coalesce(${company}, '') || ' ' || coalesce(${email}, ''))`;
export const plateVinWords = (plate: SQLWrapper, vin: SQLWrapper) =>
  sql`to_tsvector('simple', coalesce(${plate}, '') || ' ' || ${plateKey(plate)} || ' ' || coalesce(${vin}, ''))`;
/** A part's SKU and name, for a one- or two-letter part search (parts_words_idx). */
export const partWords = (sku: SQLWrapper, name: SQLWrapper) => sql`to_tsvector('simple', ${sku} || ' ' || ${name})`;
export const makeModelWords = (make: SQLWrapper, model: SQLWrapper) =>
  sql`to_tsvector('simple', ${make} || ' ' || ${model})`;

// ---------------------------------------------------------------------------------------------- enums
export const userRole = pgEnum('user_role', ['admin', 'worker']);
export const customerKind = pgEnum('customer_kind', ['individual', 'business']);
export const jobStatus = pgEnum('job_status', [
  'created',
  'in_progress',
  'waiting_for_parts',
  'completed',
  'cancelled',
]);
export const jobPriority = pgEnum('job_priority', ['low', 'normal', 'high', 'urgent']);
export const invoiceStatus = pgEnum('invoice_status', ['issued', 'void']);
export const invoiceLineKind = pgEnum('invoice_line_kind', ['labor', 'part', 'fee']);
export const paymentMethod = pgEnum('payment_method', ['cash', 'card', 'bank_transfer', 'other']);
export const auditAction = pgEnum('audit_action', ['insert', 'update']);
// `public`: the customer's answer through an approval link (no signed-in actor).
export const requestOrigin = pgEnum('request_origin', ['ui', 'api', 'system', 'public']);
export const estimateStatus = pgEnum('estimate_status', ['draft', 'sent', 'approved', 'declined', 'superseded']);
export const authorizationChannel = pgEnum('authorization_channel', ['link', 'phone', 'in_person']);
export const stockMovementKind = pgEnum('stock_movement_kind', ['receipt', 'issue', 'return', 'adjustment']);
export const purchaseOrderStatus = pgEnum('purchase_order_status', [
  'draft',
  'ordered',
  'partially_received',
  'received',
  'cancelled',
]);
export const jobPartStatus = pgEnum('job_part_status', ['needed', 'ordered', 'received', 'installed', 'returned']);
export const timeEntrySource = pgEnum('time_entry_source', ['ui', 'api']);

// ---------------------------------------------------------------------------------------------- users
export const users = pgTable(
  'users',
  {
    id: uuidId(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull().default('worker'),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    // Bumped on deactivation, role change and password change: every session and token carrying an older
    // value stops working on its next request.
    sessionVersion: integer('session_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_email_shape', sql`${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
    check('users_name_present', sql`length(btrim(${t.name})) > 0`),
    check('users_active_matches_deactivated_at', sql`${t.active} = (${t.deactivatedAt} is null)`),
    check('users_session_version_positive', sql`${t.sessionVersion} > 0`),
  ],
);

// ------------------------------------------------------------------------------------------ customers
export const customers = pgTable(
  'customers',
  {
    id: uuidId(),
    kind: customerKind('kind').notNull().default('individual'),
    name: text('name').notNull(),
    company: text('company'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    notes: text('notes'),
    archivedAt: archivedAt(),
    createdBy: requiredRef('created_by', () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('customers_name_present', sql`length(btrim(${t.name})) > 0`),
    index('customers_created_by_idx').on(t.createdBy),
    index('customers_name_idx').on(sql`lower(${t.name})`, t.id),
    index('customers_phone_idx').on(t.phone),
    index('customers_email_lower_idx').on(sql`lower(${t.email})`),
    index('customers_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    // Customer search (db/customers.ts customerSearch): every branch of the search reads one of these.
    index('customers_company_trgm_idx').using('gin', sql`${t.company} gin_trgm_ops`),
    index('customers_email_trgm_idx').using('gin', sql`${t.email} gin_trgm_ops`),
    index('customers_phone_trgm_idx').using('gin', sql`${t.phone} gin_trgm_ops`),
    // The phone's digits, exactly as the search ("55 12" finds "+1 (555) 123") and the duplicate check write it.
    index('customers_phone_digits_trgm_idx').using(
      'gin',
      sql`regexp_replace(coalesce(${t.phone}, ''), '[^0-9]', '', 'g') gin_trgm_ops`,
    ),
    index('customers_phone_digits_idx').on(sql`regexp_replace(coalesce(${t.phone}, ''), '[^0-9]', '', 'g')`),
    index('customers_words_idx').using('gin', customerWords(t.name, t.company, t.email)),
  ],
);

// ------------------------------------------------------------------------------------------- vehicles
export const vehicles = pgTable(
  'vehicles',
  {
    id: uuidId(),
    customerId: requiredRef('customer_id', () => customers.id),
    vin: text('vin'),
    plate: text('plate'),
    make: text('make').notNull(),
    model: text('model').notNull(),
    year: integer('year'),
    color: text('color'),
    odometer: integer('odometer'),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('vehicles_year_range', sql`${t.year} is null or ${t.year} between 1886 and 2100`),
    check('vehicles_odometer_non_negative', sql`${t.odometer} is null or ${t.odometer} >= 0`),
    check('vehicles_vin_upper', sql`${t.vin} is null or ${t.vin} = upper(${t.vin})`),
    check('vehicles_vin_length', sql`${t.vin} is null or length(${t.vin}) between 5 and 17`),
    check('vehicles_make_present', sql`length(btrim(${t.make})) > 0`),
    check('vehicles_model_present', sql`length(btrim(${t.model})) > 0`),
    uniqueIndex('vehicles_vin_active_key')
      .on(t.vin)
      .where(sql`${t.archivedAt} is null and ${t.vin} is not null`),
    index('vehicles_customer_id_idx').on(t.customerId),
    index('vehicles_plate_idx').on(t.plate),
    index('vehicles_vin_trgm_idx').using('gin', sql`${t.vin} gin_trgm_ops`),
    index('vehicles_plate_trgm_idx').using('gin', sql`${t.plate} gin_trgm_ops`),
    // "make model" for the vehicle search (a make or a model alone is contained in it).
    index('vehicles_make_model_trgm_idx').using('gin', sql`(${t.make} || ' ' || ${t.model}) gin_trgm_ops`),
    // The plate as a search key (upper case letters and digits only: "abc 123" finds "ABC-123").
    index('vehicles_plate_key_trgm_idx').using('gin', sql`${plateKey(t.plate)} gin_trgm_ops`),
    index('vehicles_plate_vin_words_idx').using('gin', plateVinWords(t.plate, t.vin)),
    index('vehicles_make_model_words_idx').using('gin', makeModelWords(t.make, t.model)),
  ],
);

// ----------------------------------------------------------------------------------------------- jobs
export const jobs = pgTable(
  'jobs',
  {
    id: uuidId(),
    // Human job number (J-000123); a sequence, so unique and increasing (gaps allowed, unlike invoices).
    number: integer('number').notNull().generatedAlwaysAsIdentity(),
    vehicleId: requiredRef('vehicle_id', () => vehicles.id),
    title: text('title').notNull(),
    description: text('description'),
    status: jobStatus('status').notNull().default('created'),
    priority: jobPriority('priority').notNull().default('normal'),
    odometerIn: integer('odometer_in'),
    promisedAt: timestamp('promised_at', { withTimezone: true }),
    createdBy: requiredRef('created_by', () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    // Optimistic locking: every write bumps it, a write carrying an older value is refused.
    version: integer('version').notNull().default(1),
    // Whether the job has an issued (not void) invoice: kept by a trigger on invoices (migration 0009), so the
    // jobs still to invoice are an index away however long the shop's history.
    hasLiveInvoice: boolean('has_live_invoice').notNull().default(false),
  },
  (t) => [
    uniqueIndex('jobs_number_key').on(t.number),
    check('jobs_title_present', sql`length(btrim(${t.title})) > 0`),
    check('jobs_odometer_in_non_negative', sql`${t.odometerIn} is null or ${t.odometerIn} >= 0`),
    check('jobs_completed_has_completed_at', sql`(${t.status} = 'completed') = (${t.completedAt} is not null)`),
    check(
      'jobs_cancelled_has_reason',
      sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null and ${t.cancelReason} is not null)`,
    ),
    check('jobs_version_positive', sql`${t.version} > 0`),
    index('jobs_vehicle_id_idx').on(t.vehicleId, t.createdAt),
    index('jobs_created_by_idx').on(t.createdBy),
    // Board columns and counts of the open statuses: oldest promise first, then the job number.
    index('jobs_status_promised_idx').on(t.status, t.promisedAt, t.number),
    // Open jobs whatever their status (My jobs), oldest promise first; a small share of all jobs.
    index('jobs_open_promised_idx')
      .on(t.promisedAt, t.number)
      .where(sql`${t.status} not in ('completed', 'cancelled')`),
    // Closed columns of the board and "recently completed": the most recently closed first.
    index('jobs_completed_idx')
      .on(t.completedAt, t.number)
      .where(sql`${t.status} = 'completed'`),
    index('jobs_cancelled_idx')
      .on(t.cancelledAt, t.number)
      .where(sql`${t.status} = 'cancelled'`),
    // "Ready to invoice": completed jobs without a live invoice, the most recently completed first.
    index('jobs_ready_to_invoice_idx')
      .on(t.completedAt, t.id)
      .where(sql`${t.status} = 'completed' and not ${t.hasLiveInvoice}`),
  ],
);

export const jobAssignments = pgTable(
  'job_assignments',
  {
    jobId: requiredRef('job_id', () => jobs.id),
    workerId: requiredRef('worker_id', () => users.id),
    assignedBy: requiredRef('assigned_by', () => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    // Unassigning keeps the row (nothing is deleted); assigning again reopens it.
    unassignedAt: timestamp('unassigned_at', { withTimezone: true }),
    unassignedBy: uuid('unassigned_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.workerId], name: 'job_assignments_pkey' }),
    check('job_assignments_unassigned_by_with_at', sql`(${t.unassignedAt} is null) = (${t.unassignedBy} is null)`),
    index('job_assignments_worker_active_idx')
      .on(t.workerId, t.jobId)
      .where(sql`${t.unassignedAt} is null`),
    index('job_assignments_assigned_by_idx').on(t.assignedBy),
    index('job_assignments_unassigned_by_idx').on(t.unassignedBy),
  ],
);

export const jobStatusChanges = pgTable(
  'job_status_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    jobId: requiredRef('job_id', () => jobs.id),
    // null only for the first row of a job, the one that records `created`.
    fromStatus: jobStatus('from_status'),
    toStatus: jobStatus('to_status').notNull(),
    changedBy: requiredRef('changed_by', () => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason'),
  },
  (t) => [
    check('job_status_changes_first_is_created', sql`${t.fromStatus} is not null or ${t.toStatus} = 'created'`),
    check('job_status_changes_is_a_change', sql`${t.fromStatus} is null or ${t.fromStatus} <> ${t.toStatus}`),
    index('job_status_changes_job_idx').on(t.jobId, t.changedAt),
    index('job_status_changes_changed_by_idx').on(t.changedBy),
  ],
);

export const jobNotes = pgTable(
  'job_notes',
  {
    id: uuidId(),
    jobId: requiredRef('job_id', () => jobs.id),
    authorId: requiredRef('author_id', () => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('job_notes_body_length', sql`length(btrim(${t.body})) between 1 and 5000`),
    index('job_notes_job_idx').on(t.jobId, t.createdAt),
    index('job_notes_author_idx').on(t.authorId),
  ],
);

// ---------------------------------------------------------------------------------------- time clocks
// A technician's clocked time on a job. The database holds the rules (drizzle/0020_time_clock_rules.sql): at most
// one running entry per technician (below), entries of one technician never overlap — neither as recorded nor as
// corrected (exclusion constraints over the ranges, btree_gist) —, no DELETE, and the only UPDATE a caller may
// make is stopping a running entry. Corrections are append-only rows in time_entry_adjustments, whose trigger
// copies the latest one into the `effective_*` columns and `voided`, the entry every report reads.
export const timeEntries = pgTable(
  'time_entries',
  {
    id: uuidId(),
    userId: requiredRef('user_id', () => users.id),
    jobId: requiredRef('job_id', () => jobs.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    // Null while the clock runs.
    endedAt: timestamp('ended_at', { withTimezone: true }),
    source: timeEntrySource('source').notNull(),
    recordedBy: requiredRef('recorded_by', () => users.id),
    stoppedBy: uuid('stopped_by').references(() => users.id),
    // Kept by the triggers only: the recorded times until a correction, then the latest correction's.
    effectiveStartedAt: timestamp('effective_started_at', { withTimezone: true }).notNull(),
    effectiveEndedAt: timestamp('effective_ended_at', { withTimezone: true }),
    voided: boolean('voided').notNull().default(false),
    adjustmentCount: integer('adjustment_count').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    check('time_entries_ends_after_start', sql`${t.endedAt} is null or ${t.endedAt} > ${t.startedAt}`),
    check(
      'time_entries_effective_ends_after_start',
      sql`${t.effectiveEndedAt} is null or ${t.effectiveEndedAt} > ${t.effectiveStartedAt}`,
    ),
    check('time_entries_stopped_by_with_end', sql`${t.stoppedBy} is null or ${t.endedAt} is not null`),
    // One running clock per technician.
    uniqueIndex('time_entries_one_running_key')
      .on(t.userId)
      .where(sql`${t.endedAt} is null`),
    // Running clocks of a job (a status change stops them) and the job page's clocked time.
    index('time_entries_job_idx').on(t.jobId, t.effectiveStartedAt),
    // A technician's timesheet and the keyset list: newest first.
    index('time_entries_user_started_idx').on(t.userId, t.effectiveStartedAt, t.id),
    // The reports' and the unfiltered list's period scans.
    index('time_entries_started_idx').on(t.effectiveStartedAt, t.id),
    // The entries that overlap a period (the dashboard's clocked hours per week): effectiveRange in db/time/sql.ts.
    index('time_entries_effective_range_idx')
      .using('gist', sql`tstzrange(${t.effectiveStartedAt}, coalesce(${t.effectiveEndedAt}, 'infinity'::timestamptz))`)
      .where(sql`not ${t.voided}`),
    index('time_entries_recorded_by_idx').on(t.recordedBy),
    index('time_entries_stopped_by_idx').on(t.stoppedBy),
  ],
);

export const timeEntryAdjustments = pgTable(
  'time_entry_adjustments',
  {
    id: uuidId(),
    timeEntryId: requiredRef('time_entry_id', () => timeEntries.id),
    // The entry as corrected: both times (the data layer fills the one not corrected) and whether it is void.
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    void: boolean('void').notNull().default(false),
    reason: text('reason').notNull(),
    createdBy: requiredRef('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('time_entry_adjustments_ends_after_start', sql`${t.endedAt} > ${t.startedAt}`),
    check('time_entry_adjustments_reason_present', sql`length(btrim(${t.reason})) between 1 and 1000`),
    index('time_entry_adjustments_entry_idx').on(t.timeEntryId, t.createdAt),
    index('time_entry_adjustments_created_by_idx').on(t.createdBy),
  ],
);

// ------------------------------------------------------------------------------------------- invoices
/** The columns an invoice line and an estimate line share: what is charged and its amounts. */
const lineAmounts = () => ({
  kind: invoiceLineKind('kind').notNull(),
  description: text('description').notNull(),
  quantity: numeric('quantity', { precision: 12, scale: 2 }).notNull(),
  unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
  // Tax rate in basis points (1/100 of a percent): an invoice copies it from the shop settings when it is issued.
  taxRateBasisPoints: integer('tax_rate_basis_points').notNull(),
  lineTotalCents: bigint('line_total_cents', { mode: 'number' }).notNull(),
  taxCents: bigint('tax_cents', { mode: 'number' }).notNull(),
});

export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    // One row a year; taking a number locks the row until the transaction ends, so numbers are gapless.
    year: integer('year').primaryKey(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [check('invoice_counters_last_number_positive', sql`${t.lastNumber} > 0`)],
);

export const invoices = pgTable(
  'invoices',
  {
    id: uuidId(),
    jobId: requiredRef('job_id', () => jobs.id),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    status: invoiceStatus('status').notNull().default('issued'),
    currency: text('currency').notNull(),
    lineCount: integer('line_count').notNull(),
    subtotalCents: bigint('subtotal_cents', { mode: 'number' }).notNull(),
    taxCents: bigint('tax_cents', { mode: 'number' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    // Kept by a trigger on payments: the database itself refuses a payment above the open balance.
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: requiredRef('issued_by', () => users.id),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
    // The document as issued: the bill-to, the vehicle and the job copied at issue (db/invoices/issuing.ts) and
    // frozen with the invoice (invoices_guard), so a renamed customer or a sold car changes no issued invoice.
    customerId: requiredRef('customer_id', () => customers.id),
    billToName: text('bill_to_name').notNull(),
    billToCompany: text('bill_to_company'),
    billToAddress: text('bill_to_address'),
    billToPhone: text('bill_to_phone'),
    billToEmail: text('bill_to_email'),
    vehicleYear: integer('vehicle_year'),
    vehicleMake: text('vehicle_make').notNull(),
    vehicleModel: text('vehicle_model').notNull(),
    vehiclePlate: text('vehicle_plate'),
    vehicleVin: text('vehicle_vin'),
    vehicleColor: text('vehicle_color'),
    vehicleOdometer: integer('vehicle_odometer'),
    jobNumber: integer('job_number').notNull(),
    jobTitle: text('job_title').notNull(),
  },
  (t) => [
    uniqueIndex('invoices_number_key').on(t.number),
    uniqueIndex('invoices_year_sequence_key').on(t.year, t.sequence),
    // One live invoice per job; voiding frees the job for a new one.
    uniqueIndex('invoices_job_live_key')
      .on(t.jobId)
      .where(sql`${t.status} <> 'void'`),
    index('invoices_job_id_idx').on(t.jobId),
    index('invoices_issued_idx').on(t.issuedAt, t.id),
    // Invoices with something left to pay: the "open balance" list, and the dashboard's unpaid tile from the index
    // alone (the amounts ride along: tens of thousands of open invoices lie scattered over the table's pages).
    index('invoices_open_balance_idx')
      .on(t.issuedAt, t.id, t.paidCents, t.totalCents)
      .where(sql`${t.status} <> 'void' and ${t.paidCents} < ${t.totalCents}`),
    index('invoices_issued_by_idx').on(t.issuedBy),
    index('invoices_voided_by_idx').on(t.voidedBy),
    index('invoices_customer_id_idx').on(t.customerId),
    check('invoices_subtotal_non_negative', sql`${t.subtotalCents} >= 0`),
    check('invoices_tax_non_negative', sql`${t.taxCents} >= 0`),
    check('invoices_total_non_negative', sql`${t.totalCents} >= 0`),
    check('invoices_total_is_sum', sql`${t.totalCents} = ${t.subtotalCents} + ${t.taxCents}`),
    check('invoices_paid_within_total', sql`${t.paidCents} between 0 and ${t.totalCents}`),
    check('invoices_line_count_positive', sql`${t.lineCount} > 0`),
    check('invoices_sequence_positive', sql`${t.sequence} > 0`),
    check(
      'invoices_void_has_reason',
      sql`(${t.status} = 'void') = (${t.voidedAt} is not null and ${t.voidReason} is not null and ${t.voidedBy} is not null)`,
    ),
    check('invoices_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuidId(),
    invoiceId: requiredRef('invoice_id', () => invoices.id),
    position: integer('position').notNull(),
    ...lineAmounts(),
    // A part line started from a job part keeps the part and its unit cost (gross margin per job).
    partId: uuid('part_id').references(() => parts.id),
    unitCostCents: bigint('unit_cost_cents', { mode: 'number' }),
    // A labor line may name the technician who did the work (one of the job's assignees): billed hours per
    // technician in the productivity report. A labor line naming nobody is split among the job's assignees.
    technicianId: uuid('technician_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('invoice_lines_position_key').on(t.invoiceId, t.position),
    check('invoice_lines_technician_on_labor', sql`${t.technicianId} is null or ${t.kind} = 'labor'`),
    index('invoice_lines_technician_idx')
      .on(t.technicianId)
      .where(sql`${t.technicianId} is not null`),
    // Billed labor hours per week (the dashboard): an invoice's labor quantities from the index alone.
    index('invoice_lines_labor_idx')
      .on(t.invoiceId, t.quantity)
      .where(sql`${t.kind} = 'labor'`),
    check('invoice_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('invoice_lines_unit_price_non_negative', sql`${t.unitPriceCents} >= 0`),
    check('invoice_lines_total_non_negative', sql`${t.lineTotalCents} >= 0`),
    check('invoice_lines_tax_non_negative', sql`${t.taxCents} >= 0`),
    check('invoice_lines_tax_rate_range', sql`${t.taxRateBasisPoints} between 0 and 10000`),
    check('invoice_lines_description_present', sql`length(btrim(${t.description})) > 0`),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: uuidId(),
    invoiceId: requiredRef('invoice_id', () => invoices.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    method: paymentMethod('method').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: requiredRef('recorded_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('payments_amount_positive', sql`${t.amountCents} > 0`),
    index('payments_invoice_idx').on(t.invoiceId, t.receivedAt),
    index('payments_recorded_by_idx').on(t.recordedBy),
  ],
);

// ------------------------------------------------------------------------------ parts, stock and orders
// Quantities of stock are integer hundredths (150 = 1.50 litres), as invoice quantities are handled in db/money.ts;
// the API shows them as decimal text ("1.50").
export const vendors = pgTable(
  'vendors',
  {
    id: uuidId(),
    name: text('name').notNull(),
    contactName: text('contact_name'),
    phone: text('phone'),
    email: text('email'),
    accountNumber: text('account_number'),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('vendors_name_present', sql`length(btrim(${t.name})) > 0`),
    index('vendors_name_idx').on(sql`lower(${t.name})`, t.id),
  ],
);

export const parts = pgTable(
  'parts',
  {
    id: uuidId(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    brand: text('brand'),
    unitCostCents: bigint('unit_cost_cents', { mode: 'number' }).notNull().default(0),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull().default(0),
    bin: text('bin'),
    reorderPointHundredths: integer('reorder_point_hundredths').notNull().default(0),
    vendorId: uuid('vendor_id').references(() => vendors.id),
    // Kept by the stock_movements trigger (drizzle/0012_*): the sum of the part's movements; never written directly.
    onHandHundredths: bigint('on_hand_hundredths', { mode: 'number' }).notNull().default(0),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('parts_sku_lower_key').on(sql`lower(${t.sku})`),
    check('parts_sku_present', sql`length(btrim(${t.sku})) > 0`),
    check('parts_name_present', sql`length(btrim(${t.name})) > 0`),
    check('parts_unit_cost_non_negative', sql`${t.unitCostCents} >= 0`),
    check('parts_unit_price_non_negative', sql`${t.unitPriceCents} >= 0`),
    check('parts_reorder_point_non_negative', sql`${t.reorderPointHundredths} >= 0`),
    check('parts_on_hand_non_negative', sql`${t.onHandHundredths} >= 0`),
    index('parts_name_idx').on(sql`lower(${t.name})`, t.id),
    index('parts_vendor_idx').on(t.vendorId),
    index('parts_sku_trgm_idx').using('gin', sql`${t.sku} gin_trgm_ops`),
    index('parts_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('parts_words_idx').using('gin', partWords(t.sku, t.name)),
  ],
);

export const jobParts = pgTable(
  'job_parts',
  {
    id: uuidId(),
    jobId: requiredRef('job_id', () => jobs.id),
    partId: uuid('part_id').references(() => parts.id),
    description: text('description').notNull(),
    quantityHundredths: integer('quantity_hundredths').notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    unitCostCents: bigint('unit_cost_cents', { mode: 'number' }).notNull(),
    status: jobPartStatus('status').notNull().default('needed'),
    addedBy: requiredRef('added_by', () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    installedAt: timestamp('installed_at', { withTimezone: true }),
  },
  (t) => [
    check('job_parts_quantity_positive', sql`${t.quantityHundredths} > 0`),
    check('job_parts_unit_price_non_negative', sql`${t.unitPriceCents} >= 0`),
    check('job_parts_unit_cost_non_negative', sql`${t.unitCostCents} >= 0`),
    check('job_parts_description_present', sql`length(btrim(${t.description})) > 0`),
    index('job_parts_job_idx').on(t.jobId, t.createdAt),
    // What is reserved: needed or received stock parts, summed per part.
    index('job_parts_reserved_idx')
      .on(t.partId)
      .where(sql`${t.status} in ('needed', 'received') and ${t.partId} is not null`),
    index('job_parts_added_by_idx').on(t.addedBy),
  ],
);

export const purchaseOrderCounter = pgTable(
  'purchase_order_counter',
  {
    // A single row; taking a number locks it until the transaction ends, so PO numbers are gapless.
    id: boolean('id').primaryKey().default(true),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [
    check('purchase_order_counter_single_row', sql`${t.id}`),
    check('purchase_order_counter_positive', sql`${t.lastNumber} > 0`),
  ],
);

export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: uuidId(),
    number: integer('number').notNull(),
    vendorId: requiredRef('vendor_id', () => vendors.id),
    status: purchaseOrderStatus('status').notNull().default('draft'),
    expectedAt: timestamp('expected_at', { withTimezone: true }),
    notes: text('notes'),
    createdBy: requiredRef('created_by', () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    orderedAt: timestamp('ordered_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('purchase_orders_number_key').on(t.number),
    check('purchase_orders_number_positive', sql`${t.number} > 0`),
    check('purchase_orders_cancelled_has_at', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
    index('purchase_orders_vendor_idx').on(t.vendorId, t.status),
    index('purchase_orders_created_idx').on(t.createdAt, t.id),
    index('purchase_orders_created_by_idx').on(t.createdBy),
  ],
);

export const purchaseOrderLines = pgTable(
  'purchase_order_lines',
  {
    id: uuidId(),
    purchaseOrderId: requiredRef('purchase_order_id', () => purchaseOrders.id),
    position: integer('position').notNull(),
    partId: uuid('part_id').references(() => parts.id),
    description: text('description').notNull(),
    quantityHundredths: integer('quantity_hundredths').notNull(),
    unitCostCents: bigint('unit_cost_cents', { mode: 'number' }).notNull(),
    receivedHundredths: integer('received_hundredths').notNull().default(0),
    jobPartId: uuid('job_part_id').references(() => jobParts.id),
  },
  (t) => [
    uniqueIndex('purchase_order_lines_position_key').on(t.purchaseOrderId, t.position),
    check('purchase_order_lines_quantity_positive', sql`${t.quantityHundredths} > 0`),
    check('purchase_order_lines_unit_cost_non_negative', sql`${t.unitCostCents} >= 0`),
    check(
      'purchase_order_lines_received_within_ordered',
      sql`${t.receivedHundredths} between 0 and ${t.quantityHundredths}`,
    ),
    check('purchase_order_lines_description_present', sql`length(btrim(${t.description})) > 0`),
    index('purchase_order_lines_part_idx').on(t.partId),
    index('purchase_order_lines_job_part_idx').on(t.jobPartId),
  ],
);

export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    partId: requiredRef('part_id', () => parts.id),
    quantityHundredths: integer('quantity_hundredths').notNull(),
    kind: stockMovementKind('kind').notNull(),
    purchaseOrderLineId: uuid('purchase_order_line_id').references(() => purchaseOrderLines.id),
    jobPartId: uuid('job_part_id').references(() => jobParts.id),
    reason: text('reason'),
    createdBy: requiredRef('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('stock_movements_quantity_not_zero', sql`${t.quantityHundredths} <> 0`),
    check(
      'stock_movements_cause',
      sql`case ${t.kind}
        when 'receipt' then ${t.purchaseOrderLineId} is not null and ${t.quantityHundredths} > 0
        when 'issue' then ${t.jobPartId} is not null and ${t.quantityHundredths} < 0
        when 'return' then ${t.jobPartId} is not null and ${t.quantityHundredths} > 0
        else ${t.reason} is not null and length(btrim(${t.reason})) > 0 end`,
    ),
    // The part's ledger, newest first.
    index('stock_movements_part_idx').on(t.partId, t.id),
    index('stock_movements_po_line_idx').on(t.purchaseOrderLineId),
    index('stock_movements_job_part_idx').on(t.jobPartId),
    index('stock_movements_created_by_idx').on(t.createdBy),
  ],
);

// ------------------------------------------------------------------------------------------- settings
export const shopSettings = pgTable(
  'shop_settings',
  {
    // A single row: the primary key can only be true.
    id: boolean('id').primaryKey().default(true),
    shopName: text('shop_name').notNull(),
    address: text('address'),
    currency: text('currency').notNull().default('USD'),
    locale: text('locale').notNull().default('en-US'),
    laborRateCents: bigint('labor_rate_cents', { mode: 'number' }).notNull().default(0),
    laborTaxBasisPoints: integer('labor_tax_basis_points').notNull().default(0),
    partTaxBasisPoints: integer('part_tax_basis_points').notNull().default(0),
    feeTaxBasisPoints: integer('fee_tax_basis_points').notNull().default(0),
    // Estimates (db/estimates): how long an approval link lives, how far an invoice may exceed the approved
    // total, and the terms the customer reads on the approval page.
    phone: text('phone'),
    estimateValidDays: integer('estimate_valid_days').notNull().default(7),
    approvalTolerancePercent: integer('approval_tolerance_percent').notNull().default(10),
    estimateTerms: text('estimate_terms'),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    check('shop_settings_single_row', sql`${t.id}`),
    check('shop_settings_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('shop_settings_labor_rate_non_negative', sql`${t.laborRateCents} >= 0`),
    check(
      'shop_settings_tax_rates_range',
      sql`${t.laborTaxBasisPoints} between 0 and 10000 and ${t.partTaxBasisPoints} between 0 and 10000 and ${t.feeTaxBasisPoints} between 0 and 10000`,
    ),
    index('shop_settings_updated_by_idx').on(t.updatedBy),
    check('shop_settings_estimate_valid_days_range', sql`${t.estimateValidDays} between 1 and 365`),
    check('shop_settings_approval_tolerance_range', sql`${t.approvalTolerancePercent} between 0 and 100`),
  ],
);

// ------------------------------------------------------------------------------------------ estimates
export const estimates = pgTable(
  'estimates',
  {
    id: uuidId(),
    jobId: requiredRef('job_id', () => jobs.id),
    version: integer('version').notNull(),
    status: estimateStatus('status').notNull().default('draft'),
    // A draft's edit writes a new set of lines (lines are append-only); the current set has this revision.
    lineRevision: integer('line_revision').notNull().default(1),
    currency: text('currency').notNull(),
    subtotalCents: bigint('subtotal_cents', { mode: 'number' }).notNull(),
    taxCents: bigint('tax_cents', { mode: 'number' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    approvedTotalCents: bigint('approved_total_cents', { mode: 'number' }),
    notes: text('notes'),
    validDays: integer('valid_days').notNull(),
    // SHA-256 (hex) of the approval link's token; the token itself is never stored.
    tokenHash: text('token_hash'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdBy: requiredRef('created_by', () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('estimates_job_version_key').on(t.jobId, t.version),
    // At most one current (not superseded) version per job.
    uniqueIndex('estimates_job_current_key')
      .on(t.jobId)
      .where(sql`${t.status} <> 'superseded'`),
    uniqueIndex('estimates_token_hash_key')
      .on(t.tokenHash)
      .where(sql`${t.tokenHash} is not null`),
    index('estimates_created_by_idx').on(t.createdBy),
    index('estimates_sent_by_idx').on(t.sentBy),
    check('estimates_version_positive', sql`${t.version} > 0`),
    check('estimates_valid_days_range', sql`${t.validDays} between 1 and 365`),
    check('estimates_totals_non_negative', sql`${t.subtotalCents} >= 0 and ${t.taxCents} >= 0`),
    check('estimates_total_is_sum', sql`${t.totalCents} = ${t.subtotalCents} + ${t.taxCents}`),
    check(
      'estimates_sent_has_link',
      sql`(${t.sentAt} is null) = (${t.tokenHash} is null) and (${t.sentAt} is null) = (${t.expiresAt} is null)`,
    ),
    check('estimates_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const estimateLines = pgTable(
  'estimate_lines',
  {
    id: uuidId(),
    estimateId: requiredRef('estimate_id', () => estimates.id),
    revision: integer('revision').notNull(),
    position: integer('position').notNull(),
    ...lineAmounts(),
    technicianId: uuid('technician_id').references(() => users.id),
  },
  (t) => [
    check('estimate_lines_technician_on_labor', sql`${t.technicianId} is null or ${t.kind} = 'labor'`),
    index('estimate_lines_technician_idx')
      .on(t.technicianId)
      .where(sql`${t.technicianId} is not null`),
    uniqueIndex('estimate_lines_position_key').on(t.estimateId, t.revision, t.position),
    check('estimate_lines_quantity_positive', sql`${t.quantity} > 0`),
    check(
      'estimate_lines_amounts_non_negative',
      sql`${t.unitPriceCents} >= 0 and ${t.lineTotalCents} >= 0 and ${t.taxCents} >= 0`,
    ),
    check('estimate_lines_tax_rate_range', sql`${t.taxRateBasisPoints} between 0 and 10000`),
    check('estimate_lines_description_present', sql`length(btrim(${t.description})) > 0`),
  ],
);

export const estimateAuthorizations = pgTable(
  'estimate_authorizations',
  {
    id: uuidId(),
    estimateId: requiredRef('estimate_id', () => estimates.id),
    channel: authorizationChannel('channel').notNull(),
    authorizedBy: text('authorized_by').notNull(),
    approvedLineIds: uuid('approved_line_ids').array().notNull(),
    approvedTotalCents: bigint('approved_total_cents', { mode: 'number' }).notNull(),
    note: text('note'),
    // Staff who recorded a phone or in-person answer; for a link answer, where it came from instead.
    recordedBy: uuid('recorded_by').references(() => users.id),
    clientAddress: text('client_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [
    // One answer per estimate version: a racing second answer is refused here.
    uniqueIndex('estimate_authorizations_estimate_key').on(t.estimateId),
    index('estimate_authorizations_recorded_by_idx').on(t.recordedBy),
    check('estimate_authorizations_name_present', sql`length(btrim(${t.authorizedBy})) > 0`),
    check('estimate_authorizations_total_non_negative', sql`${t.approvedTotalCents} >= 0`),
    check('estimate_authorizations_recorder', sql`(${t.channel} = 'link') = (${t.recordedBy} is null)`),
  ],
);

// Public approval requests per client address and minute (like login_address_attempts): not business records.
export const approvalRequestCounts = pgTable('approval_request_counts', {
  address: text('address').primaryKey(),
  requests: integer('requests').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
});

// ------------------------------------------------------------------------------------------ security
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // Written by triggers on every business table, in the same transaction as the change (drizzle/0004_*.sql).
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    origin: requestOrigin('origin').notNull().default('system'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: auditAction('action').notNull(),
    // Only the changed columns: {"status": "created"} before, {"status": "in_progress"} after.
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entity, t.entityId, t.id),
    index('audit_events_actor_idx').on(t.actorId, t.id),
    index('audit_events_occurred_idx').on(t.occurredAt, t.id),
  ],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    // One row per account (lower-cased email, known or not): the throttle holds across app instances.
    email: text('email').primaryKey(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('login_attempts_email_lower', sql`${t.email} = lower(${t.email})`),
    check('login_attempts_failures_non_negative', sql`${t.failures} >= 0`),
  ],
);

// The per-address bucket beside the per-account one: failed sign-ins from one client address, any account.
export const loginAddressAttempts = pgTable(
  'login_address_attempts',
  {
    address: text('address').primaryKey(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [check('login_address_attempts_failures_non_negative', sql`${t.failures} >= 0`)],
);

// One row per browser sign-in; the session cookie carries its id. Signing out (or a password change, for the
// other sessions) ends the row, so a copied cookie stops working. `session_version` is the user's version the
// session is valid for: deactivation and role changes bump the user's version and so end every session.
export const sessions = pgTable(
  'sessions',
  {
    id: uuidId(),
    userId: requiredRef('user_id', () => users.id),
    sessionVersion: integer('session_version').notNull(),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('sessions_user_open_idx')
      .on(t.userId)
      .where(sql`${t.endedAt} is null`),
  ],
);

// ------------------------------------------------------------------------------------------ relations
export const usersRelations = relations(users, ({ many }) => ({
  assignments: many(jobAssignments, { relationName: 'assignment_worker' }),
  notes: many(jobNotes),
}));

export const customersRelations = relations(customers, ({ one, many }) => ({
  vehicles: many(vehicles),
  creator: one(users, { fields: [customers.createdBy], references: [users.id] }),
}));

export const vehiclesRelations = relations(vehicles, ({ one, many }) => ({
  customer: one(customers, { fields: [vehicles.customerId], references: [customers.id] }),
  jobs: many(jobs),
}));

export const jobsRelations = relations(jobs, ({ one, many }) => ({
  vehicle: one(vehicles, { fields: [jobs.vehicleId], references: [vehicles.id] }),
  creator: one(users, { fields: [jobs.createdBy], references: [users.id] }),
  assignments: many(jobAssignments),
  statusChanges: many(jobStatusChanges),
  notes: many(jobNotes),
  invoices: many(invoices),
}));

export const jobAssignmentsRelations = relations(jobAssignments, ({ one }) => ({
  job: one(jobs, { fields: [jobAssignments.jobId], references: [jobs.id] }),
  worker: one(users, {
    fields: [jobAssignments.workerId],
    references: [users.id],
    relationName: 'assignment_worker',
  }),
}));

export const jobStatusChangesRelations = relations(jobStatusChanges, ({ one }) => ({
  job: one(jobs, { fields: [jobStatusChanges.jobId], references: [jobs.id] }),
  changer: one(users, { fields: [jobStatusChanges.changedBy], references: [users.id] }),
}));

export const jobNotesRelations = relations(jobNotes, ({ one }) => ({
  job: one(jobs, { fields: [jobNotes.jobId], references: [jobs.id] }),
  author: one(users, { fields: [jobNotes.authorId], references: [users.id] }),
}));

export const invoicesRelations = relations(invoices, ({ one, many }) => ({
  job: one(jobs, { fields: [invoices.jobId], references: [jobs.id] }),
  lines: many(invoiceLines),
  payments: many(payments),
}));

export const invoiceLinesRelations = relations(invoiceLines, ({ one }) => ({
  invoice: one(invoices, { fields: [invoiceLines.invoiceId], references: [invoices.id] }),
}));

export const paymentsRelations = relations(payments, ({ one }) => ({
  invoice: one(invoices, { fields: [payments.invoiceId], references: [invoices.id] }),
}));

// ---------------------------------------------------------------------------------- the business tables

/**
 * The shop's records, a table after the ones it references. Each refuses DELETE and TRUNCATE
 * (`<table>_refuse_delete`, `<table>_refuse_truncate`: drizzle/0002) and writes an audit event on every insert
 * and update (`<table>_audit`: drizzle/0004). The seed fills each one, a backup holds each one, and
 * tests/integration/triggers.test.ts fails when the database's triggers drift from this list.
 */
export const auditedTables = [
  'users',
  'customers',
  'vehicles',
  'jobs',
  'job_assignments',
  'job_status_changes',
  'job_notes',
  'vendors',
  'parts',
  'job_parts',
  'purchase_orders',
  'purchase_order_lines',
  'stock_movements',
  'invoices',
  'invoice_lines',
  'payments',
  'shop_settings',
  'estimates',
  'estimate_lines',
  'estimate_authorizations',
  'time_entries',
  'time_entry_adjustments',
] as const;

/** Refuse delete like the others, not audited: the year's last invoice number shows in each invoice's event. */
export const unauditedBusinessTables = ['invoice_counters', 'purchase_order_counter'] as const;

export const businessTables = [...auditedTables, ...unauditedBusinessTables] as const;
export type BusinessTable = (typeof businessTables)[number];

/**
 * The tables that are not business records, and how each is kept instead: the audit trail is append-only
 * (refuses UPDATE, DELETE and TRUNCATE, and is not audited itself); sign-in throttling rows are deleted only
 * once their window has ended (pruning); sessions are ended, never deleted.
 */
export const logTables = {
  audit_events: ['audit_events_refuse_update', 'audit_events_refuse_delete', 'audit_events_refuse_truncate'],
  login_attempts: ['login_attempts_refuse_live_delete'],
  login_address_attempts: ['login_address_attempts_refuse_live_delete'],
  sessions: ['sessions_refuse_delete', 'sessions_refuse_truncate'],
  approval_request_counts: [],
} as const;

// ---------------------------------------------------------------------------------------------- types
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
export type Vehicle = typeof vehicles.$inferSelect;
export type NewVehicle = typeof vehicles.$inferInsert;
export type Job = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;
export type JobAssignment = typeof jobAssignments.$inferSelect;
export type JobStatusChange = typeof jobStatusChanges.$inferSelect;
export type JobNote = typeof jobNotes.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type ShopSettings = typeof shopSettings.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type EstimateStatus = (typeof estimateStatus.enumValues)[number];
export type AuthorizationChannel = (typeof authorizationChannel.enumValues)[number];
export type Part = typeof parts.$inferSelect;
export type Vendor = typeof vendors.$inferSelect;
export type JobPartStatus = (typeof jobPartStatus.enumValues)[number];
export type PurchaseOrderStatus = (typeof purchaseOrderStatus.enumValues)[number];
export type StockMovementKind = (typeof stockMovementKind.enumValues)[number];
export type TimeEntrySource = (typeof timeEntrySource.enumValues)[number];
export type UserRole = (typeof userRole.enumValues)[number];
export type JobStatus = (typeof jobStatus.enumValues)[number];
export type JobPriority = (typeof jobPriority.enumValues)[number];
export type CustomerKind = (typeof customerKind.enumValues)[number];
export type InvoiceLineKind = (typeof invoiceLineKind.enumValues)[number];
export type PaymentMethod = (typeof paymentMethod.enumValues)[number];
