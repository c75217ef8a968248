// Recording a payment against an issued invoice: never above the open balance, never on a void invoice.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { conflict, invalid, isCheckViolation, notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { parse } from '../core/input';
import { requireAdmin } from '../core/policy';
import { invoices, payments } from '../schema';
import { getShopSettings } from '../settings';
import { recordPaymentInput } from './inputs';
import { loadInvoice } from './sql';
import type { InvoiceDto } from './types';

/** Records a payment; refused above the open balance (also by the database under races) and on a void invoice. */
export async function recordPayment(actor: Actor | null, invoiceId: string, input: unknown): Promise<InvoiceDto> {
  const admin = requireAdmin(actor);
  if (!isUuid(invoiceId)) throw notFound('Invoice');
  const data = parse(recordPaymentInput, input);
  const amountCents = data.amountCents;
  if (amountCents === undefined) throw invalid({ amountCents: ['Amount is required.'] });
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
  return conflict(message, { amountCents: [message] });
}

function voidTakesNoPayments() {
  return conflict('A void invoice takes no payments.');
}
