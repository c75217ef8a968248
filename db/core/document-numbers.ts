// How people write a job's and an invoice's number (the database writes invoice numbers the same way:
// invoiceNumberSql in db/invoices/sql.ts). Pure, safe in client components.

export function formatJobNumber(number: number): string {
  return `J-${String(number).padStart(6, '0')}`;
}

export function formatInvoiceNumber(year: number, sequence: number): string {
  return `INV-${year}-${String(sequence).padStart(4, '0')}`;
}

export function formatPurchaseOrderNumber(number: number): string {
  return `PO-${String(number).padStart(6, '0')}`;
}
