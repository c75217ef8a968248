// Invoices and payments (admin only). Totals are computed here in integer cents with the rounding rule of
// db/money.ts; the database holds the rest whoever connects: issued invoices and their lines never change,
// one live invoice per job, paid ≤ total (a trigger keeps paid_cents), no payments on a void invoice.
import 'server-only';
import { and, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from './core/actor';
import { getDb, preparedRead } from './client';
import { conflict, fieldErrorsFromZod, invalid, isCheckViolation, isUniqueViolation, notFound } from './core/errors';
import {
  formatJobNumber,
  hundredthsToQuantity,
  MAX_QUANTITY,
  MAX_UNIT_PRICE_CENTS,
  priceLines,
  quantityToHundredths,
} from './money';
import { requireAdmin } from './core/policy';
import {
  customers,
  invoiceCounters,
  invoiceLineKind,
  invoiceLines,
  invoices,
  jobs,
  paymentMethod,
  payments,
  users,
  vehicles,
  type InvoiceLineKind,
  type JobStatus,
  type PaymentMethod,
} from './schema';
import { getShopSettings, type ShopSettingsDto } from './settings';

// ------------------------------------------------------------------------------------------- types

export const paymentStatuses = ['unpaid', 'partially_paid', 'paid', 'void'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export type InvoiceLineDto = {
  id: string;
  position: number;
  kind: InvoiceLineKind;
  description: string;
  /** Decimal text with two places ("1.50"). */
  quantity: string;
  unitPriceCents: number;
  taxRateBasisPoints: number;
  lineTotalCents: number;
  taxCents: number;
};

export type PaymentDto = {
  id: string;
  amountCents: number;
  method: PaymentMethod;
  receivedAt: Date;
  recordedBy: { id: string; name: string };
  createdAt: Date;
};

export type InvoiceSummaryDto = {
  id: string;
  number: string;
  status: 'issued' | 'void';
  paymentStatus: PaymentStatus;
  currency: string;
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  paidCents: number;
  /** What is still owed; 0 for a void invoice. */
  balanceCents: number;
  issuedAt: Date;
  job: { id: string; number: string; title: string };
  vehicle: { id: string; make: string; model: string; year: number | null; plate: string | null; vin: string | null };
  customer: { id: string; name: string; company: string | null };
};

export type InvoiceDto = InvoiceSummaryDto & {
  year: number;
  sequence: number;
  lineCount: number;
  issuedBy: { id: string; name: string };
  voidedAt: Date | null;
  voidedBy: { id: string; name: string } | null;
  voidReason: string | null;
  customer: InvoiceSummaryDto['customer'] & { phone: string | null; email: string | null; address: string | null };
  vehicle: InvoiceSummaryDto['vehicle'] & { color: string | null; odometer: number | null };
  lines: InvoiceLineDto[];
  payments: PaymentDto[];
};

export type InvoiceableJobDto = {
  id: string;
  number: string;
  title: string;
  status: JobStatus;
  completedAt: Date | null;
  vehicle: InvoiceSummaryDto['vehicle'];
  customer: InvoiceSummaryDto['customer'];
  /** The job's live (not void) invoice, if it has one. */
  liveInvoice: { id: string; number: string } | null;
};

// ------------------------------------------------------------------------------------------ inputs

const amountPattern = /^\d{1,9}(?:[.,]\d{1,2})?$/;

/** "120", "120.5", "120,50" → cents; null when not an amount with at most two decimals. */
export function decimalToCents(text: string): number | null {
  const trimmed = text.trim();
  if (!amountPattern.test(trimmed)) return null;
  const [whole, fraction = ''] = trimmed.replace(',', '.').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

const centsSchema = (label: string, max = MAX_UNIT_PRICE_CENTS) =>
  z.coerce
    .number({ error: `${label} must be a number of cents.` })
    .int(`${label} must be a whole number of cents.`)
    .min(0, `${label} cannot be negative.`)
    .max(max, `${label} is too large.`);

const decimalAmountSchema = (label: string) =>
  z
    .string()
    .trim()
    .refine((text) => decimalToCents(text) !== null, `${label} must be an amount like 120.00.`);

export const invoiceLineInput = z
  .object({
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
    /** Unit price in cents (API). For labor it defaults to the shop's labor rate. */
    unitPriceCents: centsSchema('Unit price').optional(),
    /** Unit price as a decimal amount in the shop currency ("120.00"), as a form sends it. */
    unitPrice: decimalAmountSchema('Unit price').optional(),
  })
  .refine((line) => line.unitPrice === undefined || (decimalToCents(line.unitPrice) ?? 0) <= MAX_UNIT_PRICE_CENTS, {
    message: 'Unit price is too large.',
    path: ['unitPrice'],
  });

export const issueInvoiceInput = z.object({
  lines: z
    .array(invoiceLineInput, { error: 'Add at least one line.' })
    .min(1, 'Add at least one line.')
    .max(100, 'An invoice has at most 100 lines.'),
});

export const recordPaymentInput = z.object({
  /** Amount in cents (API). */
  amountCents: z.coerce
    .number({ error: 'Amount must be a number of cents.' })
    .int('Amount must be a whole number of cents.')
    .positive('Amount must be more than 0.')
    .max(Number.MAX_SAFE_INTEGER / 100, 'Amount is too large.')
    .optional(),
  /** Amount as a decimal in the shop currency ("45.50"), as a form sends it. */
  amount: decimalAmountSchema('Amount').optional(),
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

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(fieldErrorsFromZod(result.error));
  return result.data;
}

/**
 * A flat form object (`lines.0.kind`, `lines.0.quantity`, …) → `{ lines: [{ kind, quantity }] }`, so a form
 * and the API feed the same schema and field errors come back under the form's own names.
 */
export function nestFormFields(flat: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    if (parts.length === 1) {
      result[key] = value;
      continue;
    }
    let node: Record<string, unknown> | unknown[] = result;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const slot = /^\d+$/.test(part) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[slot] = value;
        return;
      }
      if (container[slot] === undefined) container[slot] = /^\d+$/.test(parts[index + 1]!) ? [] : {};
      node = container[slot] as Record<string, unknown>;
    });
  }
  // Holes (a removed middle row) would be undefined entries; drop them.
  for (const [key, value] of Object.entries(result)) {
    if (Array.isArray(value)) result[key] = value.filter((item) => item !== undefined);
  }
  return result;
}

// ------------------------------------------------------------------------------------------- reads

/** The vehicle and customer columns every invoice view shows (jobs ⋈ vehicles ⋈ customers). */
const vehicleCustomerColumns = {
  vehicleId: vehicles.id,
  vehicleMake: vehicles.make,
  vehicleModel: vehicles.model,
  vehicleYear: vehicles.year,
  vehiclePlate: vehicles.plate,
  vehicleVin: vehicles.vin,
  customerId: customers.id,
  customerName: customers.name,
  customerCompany: customers.company,
};

type VehicleCustomerRow = {
  vehicleId: string;
  vehicleMake: string;
  vehicleModel: string;
  vehicleYear: number | null;
  vehiclePlate: string | null;
  vehicleVin: string | null;
  customerId: string;
  customerName: string;
  customerCompany: string | null;
};

/** The `vehicle` and `customer` parts of an invoice DTO from the vehicleCustomerColumns of a row. */
function vehicleAndCustomerOf(row: VehicleCustomerRow) {
  return {
    vehicle: {
      id: row.vehicleId,
      make: row.vehicleMake,
      model: row.vehicleModel,
      year: row.vehicleYear,
      plate: row.vehiclePlate,
      vin: row.vehicleVin,
    },
    customer: { id: row.customerId, name: row.customerName, company: row.customerCompany },
  };
}

const summaryColumns = {
  id: invoices.id,
  number: invoices.number,
  status: invoices.status,
  currency: invoices.currency,
  subtotalCents: invoices.subtotalCents,
  taxCents: invoices.taxCents,
  totalCents: invoices.totalCents,
  paidCents: invoices.paidCents,
  issuedAt: invoices.issuedAt,
  jobId: jobs.id,
  jobNumber: jobs.number,
  jobTitle: jobs.title,
  ...vehicleCustomerColumns,
};

type SummaryRow = {
  id: string;
  number: string;
  status: 'issued' | 'void';
  currency: string;
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  paidCents: number;
  issuedAt: Date;
  jobId: string;
  jobNumber: number;
  jobTitle: string;
} & VehicleCustomerRow;

export function paymentStatusOf(invoice: {
  status: 'issued' | 'void';
  totalCents: number;
  paidCents: number;
}): PaymentStatus {
  if (invoice.status === 'void') return 'void';
  if (invoice.paidCents >= invoice.totalCents) return 'paid';
  return invoice.paidCents > 0 ? 'partially_paid' : 'unpaid';
}

function toSummary(row: SummaryRow): InvoiceSummaryDto {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    paymentStatus: paymentStatusOf(row),
    currency: row.currency,
    subtotalCents: row.subtotalCents,
    taxCents: row.taxCents,
    totalCents: row.totalCents,
    paidCents: row.paidCents,
    balanceCents: row.status === 'void' ? 0 : row.totalCents - row.paidCents,
    issuedAt: row.issuedAt,
    job: { id: row.jobId, number: formatJobNumber(row.jobNumber), title: row.jobTitle },
    ...vehicleAndCustomerOf(row),
  };
}

const paymentStatusCondition: Record<PaymentStatus, SQL> = {
  void: sql`${invoices.status} = 'void'`,
  paid: sql`${invoices.status} <> 'void' and ${invoices.paidCents} >= ${invoices.totalCents}`,
  partially_paid: sql`${invoices.status} <> 'void' and ${invoices.paidCents} > 0 and ${invoices.paidCents} < ${invoices.totalCents}`,
  unpaid: sql`${invoices.status} <> 'void' and ${invoices.paidCents} = 0 and ${invoices.totalCents} > 0`,
};

const balanceCondition: Record<'open' | 'settled', SQL> = {
  open: sql`${invoices.status} <> 'void' and ${invoices.paidCents} < ${invoices.totalCents}`,
  settled: sql`${invoices.status} <> 'void' and ${invoices.paidCents} >= ${invoices.totalCents}`,
};

/** Invoices, newest first (issued_at desc, id desc), keyset-paginated, filtered by payment status and balance. */
export async function listInvoices(
  actor: Actor | null,
  input: z.input<typeof listInvoicesInput> = {},
): Promise<{ data: InvoiceSummaryDto[]; nextCursor: string | null }> {
  requireAdmin(actor);
  const { paymentStatus, balance, limit, cursor } = parse(listInvoicesInput, input);
  const after = cursor ? decodeCursor(cursor) : null;
  const db = await getDb();
  const rows = await db
    .select({ ...summaryColumns, issuedAtKey: sql<string>`${invoices.issuedAt}::text` })
    .from(invoices)
    .innerJoin(jobs, eq(jobs.id, invoices.jobId))
    .innerJoin(vehicles, eq(vehicles.id, jobs.vehicleId))
    .innerJoin(customers, eq(customers.id, vehicles.customerId))
    .where(
      and(
        paymentStatus ? paymentStatusCondition[paymentStatus] : undefined,
        balance ? balanceCondition[balance] : undefined,
        after
          ? sql`(${invoices.issuedAt}, ${invoices.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(invoices.issuedAt), desc(invoices.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toSummary),
    nextCursor: rows.length > limit && last ? encodeCursor(last.issuedAtKey, last.id) : null,
  };
}

/** One invoice with its lines, payments, job, vehicle and customer. */
export async function getInvoice(actor: Actor | null, id: string): Promise<InvoiceDto> {
  requireAdmin(actor);
  if (!z.uuid().safeParse(id).success) throw notFound('Invoice');
  return loadInvoice(id);
}

/** The job, vehicle and customer columns both invoice-to-be views select (jobs ⋈ vehicles ⋈ customers). */
const jobToInvoiceColumns = {
  id: jobs.id,
  number: jobs.number,
  title: jobs.title,
  completedAt: jobs.completedAt,
  ...vehicleCustomerColumns,
};

function toJobToInvoice(row: { id: string; number: number; title: string } & VehicleCustomerRow) {
  return { id: row.id, number: formatJobNumber(row.number), title: row.title, ...vehicleAndCustomerOf(row) };
}

/** A job as the new-invoice page needs it: what is being invoiced, and whether it can be. */
export async function getInvoiceableJob(actor: Actor | null, jobId: string): Promise<InvoiceableJobDto> {
  requireAdmin(actor);
  if (!z.uuid().safeParse(jobId).success) throw notFound('Job');
  const db = await getDb();
  const [row] = await db
    .select({
      ...jobToInvoiceColumns,
      status: jobs.status,
      liveInvoiceId: invoices.id,
      liveInvoiceNumber: invoices.number,
    })
    .from(jobs)
    .innerJoin(vehicles, eq(vehicles.id, jobs.vehicleId))
    .innerJoin(customers, eq(customers.id, vehicles.customerId))
    .leftJoin(invoices, and(eq(invoices.jobId, jobs.id), ne(invoices.status, 'void')))
    .where(eq(jobs.id, jobId));
  if (!row) throw notFound('Job');
  return {
    ...toJobToInvoice(row),
    status: row.status,
    completedAt: row.completedAt,
    liveInvoice:
      row.liveInvoiceId && row.liveInvoiceNumber ? { id: row.liveInvoiceId, number: row.liveInvoiceNumber } : null,
  };
}

export type ReadyToInvoiceJobDto = Omit<InvoiceableJobDto, 'liveInvoice' | 'status'> & { completedAt: Date };

/** Completed jobs without a live invoice, most recently completed first (keyset-paginated). */
export async function listJobsReadyToInvoice(
  actor: Actor | null,
  input: z.input<typeof listJobsReadyToInvoiceInput> = {},
): Promise<{ data: ReadyToInvoiceJobDto[]; nextCursor: string | null }> {
  requireAdmin(actor);
  const { limit, cursor } = parse(listJobsReadyToInvoiceInput, input);
  const after = cursor ? decodeCursor(cursor) : null;
  const db = await getDb();
  const rows = await db
    .select({
      ...jobToInvoiceColumns,
      completedAtKey: sql<string>`${jobs.completedAt}::text`,
    })
    .from(jobs)
    .innerJoin(vehicles, eq(vehicles.id, jobs.vehicleId))
    .innerJoin(customers, eq(customers.id, vehicles.customerId))
    .where(
      and(
        // jobs_ready_to_invoice_idx: only the jobs still to invoice, however many were invoiced before them.
        eq(jobs.status, 'completed'),
        sql`not ${jobs.hasLiveInvoice}`,
        after ? sql`(${jobs.completedAt}, ${jobs.id}) < (${after.key}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(jobs.completedAt), desc(jobs.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({ ...toJobToInvoice(row), completedAt: row.completedAt! })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.completedAtKey, last.id) : null,
  };
}

// ------------------------------------------------------------------------------------------ writes

const notCompleted = () => conflict('Only a completed job can be invoiced');
const alreadyInvoiced = () => conflict('This job already has an invoice');

/** `formatInvoiceNumber` (db/money.ts) in SQL, for a sequence the statement itself draws. */
export function invoiceNumberSql(year: number, sequence: SQL<number>): SQL<string> {
  return sql<string>`'INV-' || ${year}::int || '-' || lpad(${sequence}::text, greatest(4, length(${sequence}::text)), '0')`;
}

/**
 * Issues the invoice of a completed job: prices every line with the shop's tax rate for its kind, takes the
 * next gapless number of the (UTC) year and writes the invoice and its lines in one transaction. A job with a
 * live invoice is refused (and the database's unique index refuses a concurrent second one).
 */
export async function issueInvoice(actor: Actor | null, jobId: string, input: unknown): Promise<InvoiceDto> {
  const admin = requireAdmin(actor);
  if (!z.uuid().safeParse(jobId).success) throw notFound('Job');
  const data = parse(issueInvoiceInput, isFlatForm(input) ? nestFormFields(input) : input);
  const settings = await getShopSettings(admin);
  const lines = data.lines.map((line) => ({
    kind: line.kind,
    description: line.description,
    quantityHundredths: quantityToHundredths(line.quantity)!,
    unitPriceCents: unitPriceOf(line, settings),
    taxBasisPoints: taxRateFor(line.kind, settings),
  }));
  const priced = priceLines(lines);

  const db = await getDb();
  try {
    const invoiceId = await db.transaction(async (tx) => {
      // The job row lock makes concurrent issues for one job wait for each other; the loser sees the invoice
      // (has_live_invoice is set on the job's row by the winner's insert, so the row it waited for says so).
      const [job] = await tx
        .select({ status: jobs.status, hasLiveInvoice: jobs.hasLiveInvoice })
        .from(jobs)
        .where(eq(jobs.id, jobId))
        .for('update');
      if (!job) throw notFound('Job');
      if (job.status !== 'completed') throw notCompleted();
      if (job.hasLiveInvoice) throw alreadyInvoiced();

      // The year's next number, the invoice and its lines in one statement: the counter row's lock (which keeps
      // the numbers gapless) is held from here to the commit, so nothing else runs in between. The lines'
      // totals are checked against the invoice at commit.
      const year = new Date().getUTCFullYear();
      const counter = tx.$with('counter').as(
        tx
          .insert(invoiceCounters)
          .values({ year, lastNumber: 1 })
          .onConflictDoUpdate({
            target: invoiceCounters.year,
            set: { lastNumber: sql`${invoiceCounters.lastNumber} + 1` },
          })
          .returning({ sequence: invoiceCounters.lastNumber }),
      );
      const sequence = sql<number>`(select ${counter.sequence} from ${counter})`;
      const invoice = tx.$with('invoice').as(
        tx
          .insert(invoices)
          .values({
            jobId,
            number: invoiceNumberSql(year, sequence),
            year,
            sequence,
            currency: settings.currency,
            lineCount: priced.lines.length,
            subtotalCents: priced.subtotalCents,
            taxCents: priced.taxCents,
            totalCents: priced.totalCents,
            issuedBy: admin.id,
          })
          .returning({ id: invoices.id }),
      );
      const inserted = await tx
        .with(counter, invoice)
        .insert(invoiceLines)
        .values(
          priced.lines.map((line, index) => ({
            invoiceId: sql`(select ${invoice.id} from ${invoice})`,
            position: index + 1,
            kind: lines[index]!.kind,
            description: lines[index]!.description,
            quantity: hundredthsToQuantity(line.quantityHundredths),
            unitPriceCents: line.unitPriceCents,
            taxRateBasisPoints: line.taxBasisPoints,
            lineTotalCents: line.lineTotalCents,
            taxCents: line.taxCents,
          })),
        )
        .returning({ invoiceId: invoiceLines.invoiceId });
      return inserted[0]!.invoiceId;
    });
    return await loadInvoice(invoiceId);
  } catch (error) {
    if (isUniqueViolation(error, 'invoices_job_live_key')) throw alreadyInvoiced();
    if (isCheckViolation(error, 'invoices_job_completed')) throw notCompleted();
    throw error;
  }
}

/** Records a payment; refused above the open balance (also by the database under races) and on a void invoice. */
export async function recordPayment(actor: Actor | null, invoiceId: string, input: unknown): Promise<InvoiceDto> {
  const admin = requireAdmin(actor);
  if (!z.uuid().safeParse(invoiceId).success) throw notFound('Invoice');
  const data = parse(recordPaymentInput, input);
  const amountCents = data.amountCents ?? (data.amount !== undefined ? decimalToCents(data.amount) : null);
  if (!amountCents) {
    const message =
      data.amountCents === undefined && data.amount === undefined
        ? 'Amount is required.'
        : 'Amount must be more than 0.';
    throw invalid({ amountCents: [message], amount: [message] });
  }
  if (data.receivedAt && data.receivedAt.getTime() > Date.now() + 24 * 60 * 60 * 1000) {
    throw invalid({ receivedAt: ['A payment cannot be received in the future.'] });
  }

  const db = await getDb();
  let over: { balanceCents: number; currency: string } | null;
  try {
    over = await db.transaction(async (tx) => {
      const [invoice] = await tx
        .select({
          status: invoices.status,
          totalCents: invoices.totalCents,
          paidCents: invoices.paidCents,
          currency: invoices.currency,
        })
        .from(invoices)
        .where(eq(invoices.id, invoiceId))
        .for('update');
      if (!invoice) throw notFound('Invoice');
      if (invoice.status === 'void') throw voidTakesNoPayments();
      const balanceCents = invoice.totalCents - invoice.paidCents;
      if (amountCents > balanceCents) return { balanceCents, currency: invoice.currency };
      await tx.insert(payments).values({
        invoiceId,
        amountCents,
        method: data.method,
        receivedAt: data.receivedAt ?? new Date(),
        recordedBy: admin.id,
      });
      return null;
    });
  } catch (error) {
    // Another payment got in first: the invoice's check (paid ≤ total) or the void guard refused this one.
    if (isCheckViolation(error, 'invoices_paid_within_total')) throw overpayment(null);
    if (isCheckViolation(error, 'invoices_immutable')) throw voidTakesNoPayments();
    throw error;
  }
  // Refused, nothing written: the message shows the open balance in the shop's locale.
  if (over) throw overpayment(formatAmount(over.balanceCents, over.currency, (await getShopSettings(admin)).locale));
  return loadInvoice(invoiceId);
}

function formatAmount(cents: number, currency: string, locale: string): string | 0 {
  if (cents === 0) return 0;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** `balance`: the open balance, formatted; 0 when nothing is owed; null when unknown (lost a race). */
function overpayment(balance: string | 0 | null) {
  const message =
    balance === null
      ? 'The payment is more than the open balance.'
      : balance === 0
        ? 'This invoice is already paid in full.'
        : `The payment is more than the open balance of ${balance}.`;
  return conflict(message, { amountCents: [message], amount: [message] });
}

function voidTakesNoPayments() {
  return conflict('A void invoice takes no payments.');
}

/** Voids an issued invoice (a reason is required); the job is then free for a new invoice. */
export async function voidInvoice(actor: Actor | null, invoiceId: string, input: unknown): Promise<InvoiceDto> {
  const admin = requireAdmin(actor);
  if (!z.uuid().safeParse(invoiceId).success) throw notFound('Invoice');
  const { reason } = parse(voidInvoiceInput, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [invoice] = await tx
      .select({ status: invoices.status })
      .from(invoices)
      .where(eq(invoices.id, invoiceId))
      .for('update');
    if (!invoice) throw notFound('Invoice');
    if (invoice.status === 'void') throw conflict('This invoice is already void.');
    await tx
      .update(invoices)
      .set({ status: 'void', voidedAt: new Date(), voidedBy: admin.id, voidReason: reason })
      .where(eq(invoices.id, invoiceId));
  });
  return loadInvoice(invoiceId);
}

// ----------------------------------------------------------------------------------------- helpers

function isFlatForm(input: unknown): input is Record<string, unknown> {
  return (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    Object.keys(input).some((key) => key.includes('.'))
  );
}

function unitPriceOf(line: z.infer<typeof invoiceLineInput>, settings: ShopSettingsDto): number {
  if (line.unitPriceCents !== undefined) return line.unitPriceCents;
  if (line.unitPrice !== undefined) return decimalToCents(line.unitPrice)!;
  if (line.kind === 'labor') return settings.laborRateCents;
  return 0;
}

export function taxRateFor(
  kind: InvoiceLineKind,
  settings: Pick<ShopSettingsDto, 'laborTaxBasisPoints' | 'partTaxBasisPoints' | 'feeTaxBasisPoints'>,
): number {
  if (kind === 'labor') return settings.laborTaxBasisPoints;
  if (kind === 'part') return settings.partTaxBasisPoints;
  return settings.feeTaxBasisPoints;
}

const issuerName = sql<string>`(select ${users.name} from ${users} where ${users.id} = ${invoices.issuedBy})`;
const voiderName = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${invoices.voidedBy})`;

// Lines and payments ride along as JSON arrays, so an invoice is one statement (quantity as its decimal text;
// timestamps come back as ISO text and become Dates below).
const linesJson = sql<InvoiceLineDto[]>`coalesce((
  select json_agg(json_build_object(
    'id', ${invoiceLines.id}, 'position', ${invoiceLines.position}, 'kind', ${invoiceLines.kind},
    'description', ${invoiceLines.description}, 'quantity', ${invoiceLines.quantity}::text,
    'unitPriceCents', ${invoiceLines.unitPriceCents}, 'taxRateBasisPoints', ${invoiceLines.taxRateBasisPoints},
    'lineTotalCents', ${invoiceLines.lineTotalCents}, 'taxCents', ${invoiceLines.taxCents}
  ) order by ${invoiceLines.position})
  from ${invoiceLines} where ${invoiceLines.invoiceId} = ${invoices.id}), '[]'::json)`;

type PaymentJson = Omit<PaymentDto, 'receivedAt' | 'createdAt'> & { receivedAt: string; createdAt: string };
const paymentsJson = sql<PaymentJson[]>`coalesce((
  select json_agg(json_build_object(
    'id', ${payments.id}, 'amountCents', ${payments.amountCents}, 'method', ${payments.method},
    'receivedAt', ${payments.receivedAt}, 'recordedBy', json_build_object('id', ${users.id}, 'name', ${users.name}),
    'createdAt', ${payments.createdAt}
  ) order by ${payments.receivedAt}, ${payments.createdAt}, ${payments.id})
  from ${payments} join ${users} on ${users.id} = ${payments.recordedBy}
  where ${payments.invoiceId} = ${invoices.id}), '[]'::json)`;

// The invoice page, `GET /api/v1/invoices/{id}` and the answer of every invoice write (read after its commit).
const invoiceById = preparedRead((db) =>
  db
    .select({
      ...summaryColumns,
      year: invoices.year,
      sequence: invoices.sequence,
      lineCount: invoices.lineCount,
      issuedById: invoices.issuedBy,
      issuedByName: issuerName,
      voidedAt: invoices.voidedAt,
      voidedById: invoices.voidedBy,
      voidedByName: voiderName,
      voidReason: invoices.voidReason,
      customerPhone: customers.phone,
      customerEmail: customers.email,
      customerAddress: customers.address,
      vehicleColor: vehicles.color,
      vehicleOdometer: vehicles.odometer,
      lines: linesJson,
      payments: paymentsJson,
    })
    .from(invoices)
    .innerJoin(jobs, eq(jobs.id, invoices.jobId))
    .innerJoin(vehicles, eq(vehicles.id, jobs.vehicleId))
    .innerJoin(customers, eq(customers.id, vehicles.customerId))
    .where(eq(invoices.id, sql.placeholder('id')))
    .prepare('invoice_by_id'),
);

async function loadInvoice(id: string): Promise<InvoiceDto> {
  const [row] = await invoiceById(await getDb()).execute({ id });
  if (!row) throw notFound('Invoice');
  const summary = toSummary(row);
  return {
    ...summary,
    year: row.year,
    sequence: row.sequence,
    lineCount: row.lineCount,
    issuedBy: { id: row.issuedById, name: row.issuedByName },
    voidedAt: row.voidedAt,
    voidedBy: row.voidedById ? { id: row.voidedById, name: row.voidedByName ?? '' } : null,
    voidReason: row.voidReason,
    customer: { ...summary.customer, phone: row.customerPhone, email: row.customerEmail, address: row.customerAddress },
    vehicle: { ...summary.vehicle, color: row.vehicleColor, odometer: row.vehicleOdometer },
    lines: row.lines,
    payments: row.payments.map((payment) => ({
      ...payment,
      receivedAt: new Date(payment.receivedAt),
      createdAt: new Date(payment.createdAt),
    })),
  };
}

function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

const timestampText = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof key === 'string' &&
      timestampText.test(key) &&
      typeof id === 'string' &&
      z.uuid().safeParse(id).success
    ) {
      return { key, id };
    }
  } catch {
    // fall through
  }
  throw invalid({ cursor: ['Invalid cursor.'] });
}
