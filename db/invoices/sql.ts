// The SQL pieces every invoice read shares: its columns (an issued invoice's customer, vehicle and job are its own
// copy, taken at issue), the one-statement invoice read (lines and payments as
// JSON), the payment-status conditions and the invoice number as the database writes it.
import { eq, sql, type SQL } from 'drizzle-orm';
import { getDb, preparedRead } from '../client';
import { formatJobNumber } from '../core/document-numbers';
import { notFound } from '../core/errors';
import { customers, invoiceLines, invoices, jobs, payments, users, vehicles } from '../schema';
import type { InvoiceDto, InvoiceLineDto, InvoiceSummaryDto, PaymentDto, PaymentStatus } from './types';
import { pricedLineJson } from '../core/line-json';

/** The vehicle and customer columns every invoice view shows (jobs ⋈ vehicles ⋈ customers). */
export const vehicleCustomerColumns = {
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

export type VehicleCustomerRow = {
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
export function vehicleAndCustomerOf(row: VehicleCustomerRow) {
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

/**
 * What an invoice copies at issue (jobs ⋈ vehicles ⋈ customers, keyed by the invoices columns): the bill-to,
 * the vehicle (the odometer as the job took it in, else the vehicle's) and the job.
 */
export const documentCopyColumns = {
  customerId: customers.id,
  billToName: customers.name,
  billToCompany: customers.company,
  billToAddress: customers.address,
  billToPhone: customers.phone,
  billToEmail: customers.email,
  vehicleYear: vehicles.year,
  vehicleMake: vehicles.make,
  vehicleModel: vehicles.model,
  vehiclePlate: vehicles.plate,
  vehicleVin: vehicles.vin,
  vehicleColor: vehicles.color,
  vehicleOdometer: sql<number | null>`coalesce(${jobs.odometerIn}, ${vehicles.odometer})`,
  jobNumber: jobs.number,
  jobTitle: jobs.title,
};

/** An issued invoice's customer, vehicle and job: the copy taken at issue (the vehicle id is the job's). */
const invoiceCopyColumns = {
  jobId: invoices.jobId,
  jobNumber: invoices.jobNumber,
  jobTitle: invoices.jobTitle,
  vehicleId: jobs.vehicleId,
  vehicleMake: invoices.vehicleMake,
  vehicleModel: invoices.vehicleModel,
  vehicleYear: invoices.vehicleYear,
  vehiclePlate: invoices.vehiclePlate,
  vehicleVin: invoices.vehicleVin,
  customerId: invoices.customerId,
  customerName: invoices.billToName,
  customerCompany: invoices.billToCompany,
};

export const summaryColumns = {
  id: invoices.id,
  number: invoices.number,
  status: invoices.status,
  currency: invoices.currency,
  subtotalCents: invoices.subtotalCents,
  taxCents: invoices.taxCents,
  totalCents: invoices.totalCents,
  paidCents: invoices.paidCents,
  issuedAt: invoices.issuedAt,
  ...invoiceCopyColumns,
};

export type SummaryRow = {
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

export function toSummary(row: SummaryRow): InvoiceSummaryDto {
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

export const paymentStatusCondition: Record<PaymentStatus, SQL> = {
  void: sql`${invoices.status} = 'void'`,
  paid: sql`${invoices.status} <> 'void' and ${invoices.paidCents} >= ${invoices.totalCents}`,
  partially_paid: sql`${invoices.status} <> 'void' and ${invoices.paidCents} > 0 and ${invoices.paidCents} < ${invoices.totalCents}`,
  unpaid: sql`${invoices.status} <> 'void' and ${invoices.paidCents} = 0 and ${invoices.totalCents} > 0`,
};

export const balanceCondition: Record<'open' | 'settled', SQL> = {
  open: sql`${invoices.status} <> 'void' and ${invoices.paidCents} < ${invoices.totalCents}`,
  settled: sql`${invoices.status} <> 'void' and ${invoices.paidCents} >= ${invoices.totalCents}`,
};

/** `formatInvoiceNumber` (db/core/document-numbers.ts) in SQL, for a sequence the statement itself draws. */
export function invoiceNumberSql(year: number, sequence: SQL<number>): SQL<string> {
  return sql<string>`'INV-' || ${year}::int || '-' || lpad(${sequence}::text, greatest(4, length(${sequence}::text)), '0')`;
}

const issuerName = sql<string>`(select ${users.name} from ${users} where ${users.id} = ${invoices.issuedBy})`;
const voiderName = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${invoices.voidedBy})`;

// Lines and payments ride along as JSON arrays, so an invoice is one statement (quantity as its decimal text;
// timestamps come back as ISO text and become Dates below).
const linesJson = sql<InvoiceLineDto[]>`coalesce((
  select json_agg(${pricedLineJson(invoiceLines)} order by ${invoiceLines.position})
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
      customerPhone: invoices.billToPhone,
      customerEmail: invoices.billToEmail,
      customerAddress: invoices.billToAddress,
      vehicleColor: invoices.vehicleColor,
      vehicleOdometer: invoices.vehicleOdometer,
      lines: linesJson,
      payments: paymentsJson,
    })
    .from(invoices)
    .innerJoin(jobs, eq(jobs.id, invoices.jobId))
    .where(eq(invoices.id, sql.placeholder('id')))
    .prepare('invoice_by_id'),
);

export async function loadInvoice(id: string): Promise<InvoiceDto> {
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
    billTo: {
      name: row.customerName,
      company: row.customerCompany,
      address: row.customerAddress,
      phone: row.customerPhone,
      email: row.customerEmail,
    },
    vehicle: { ...summary.vehicle, color: row.vehicleColor, odometer: row.vehicleOdometer },
    lines: row.lines,
    payments: row.payments.map((payment) => ({
      ...payment,
      receivedAt: new Date(payment.receivedAt),
      createdAt: new Date(payment.createdAt),
    })),
  };
}
