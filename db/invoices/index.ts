// Invoices and payments (admin only). Totals are computed here in integer cents with the rounding rule of
// db/money.ts; the database holds the rest whoever connects: issued invoices and their lines never change,
// one live invoice per job, paid ≤ total (a trigger keeps paid_cents), no payments on a void invoice.
export * from './types';
export * from './inputs';
export { invoiceNumberSql, paymentStatusOf } from './sql';
export { getInvoice, getInvoiceableJob, listInvoices, listJobsReadyToInvoice } from './reads';
export { issueInvoice, taxRateFor, voidInvoice } from './issuing';
export { recordPayment } from './payments';
