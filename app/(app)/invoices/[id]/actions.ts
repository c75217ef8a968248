'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { submitForm } from '@/app/_lib/action';
import { paymentForm } from '@/app/_lib/form-inputs';
import type { FormState } from '@/app/_lib/form-state';
import { recordPayment, voidInvoice, type InvoiceDto } from '@/db/invoices';

/** An action's result plus, on a refusal, what was typed (so the form keeps its values). */
export type InvoiceFormState = FormState<InvoiceDto>;

/** The invoice's page and the list after a change. */
function revalidateInvoice(invoiceId: string) {
  revalidatePath(`/invoices/${invoiceId}`);
  revalidatePath('/invoices');
}

export async function recordPaymentAction(
  invoiceId: string,
  _previous: InvoiceFormState,
  formData: FormData,
): Promise<InvoiceFormState> {
  const result = await submitForm(
    formData,
    (actor, payment) => recordPayment(actor, invoiceId, payment),
    'Payment recorded.',
    { convert: paymentForm },
  );
  if (!result.ok) return result;
  revalidateInvoice(invoiceId);
  // The last payment removes the form from the page: carry its confirmation over a redirect.
  if (result.data.balanceCents === 0) redirect(`/invoices/${invoiceId}?paid=1`);
  return result;
}

export async function voidInvoiceAction(invoiceId: string, _previous: InvoiceFormState, formData: FormData) {
  const result = await submitForm(
    formData,
    (actor, values) => voidInvoice(actor, invoiceId, values),
    'Invoice voided. The job can be invoiced again.',
  );
  if (result.ok) revalidateInvoice(invoiceId);
  return result;
}
