'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, runFormAction } from '@/app/_lib/action';
import { formObject } from '@/app/_lib/form';
import { paymentForm } from '@/app/_lib/form-inputs';
import type { FormState } from '@/app/_lib/form-state';
import { recordPayment, voidInvoice, type InvoiceDto } from '@/db/invoices';

/** An action's result plus, on a refusal, what was typed (so the form keeps its values). */
export type InvoiceFormState = FormState<InvoiceDto>;

export async function recordPaymentAction(
  invoiceId: string,
  _previous: InvoiceFormState,
  formData: FormData,
): Promise<InvoiceFormState> {
  const values = formObject(formData);
  const result = await runFormAction(
    () => paymentForm(values),
    (actor, payment) => recordPayment(actor, invoiceId, payment),
    'Payment recorded.',
  );
  if (!result.ok) return { ...result, values };
  revalidatePath(`/invoices/${invoiceId}`);
  revalidatePath('/invoices');
  // The last payment removes the form from the page: carry its confirmation over a redirect.
  if (result.data.balanceCents === 0) redirect(`/invoices/${invoiceId}?paid=1`);
  return result;
}

export async function voidInvoiceAction(
  invoiceId: string,
  _previous: InvoiceFormState,
  formData: FormData,
): Promise<InvoiceFormState> {
  const values = formObject(formData);
  const result = await runAction(
    (actor) => voidInvoice(actor, invoiceId, values),
    'Invoice voided. The job can be invoiced again.',
  );
  if (!result.ok) return { ...result, values };
  revalidatePath(`/invoices/${invoiceId}`);
  revalidatePath('/invoices');
  return result;
}
