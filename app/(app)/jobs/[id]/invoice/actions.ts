'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runFormAction } from '@/app/_lib/action';
import type { FormState } from '@/app/_lib/form-state';
import { formObject } from '@/app/_lib/form';
import { invoiceForm } from '@/app/_lib/form-inputs';
import { issueInvoice, type InvoiceDto } from '@/db/invoices';

export type IssueInvoiceState = FormState<InvoiceDto>;

export async function issueInvoiceAction(
  jobId: string,
  _previous: IssueInvoiceState,
  formData: FormData,
): Promise<IssueInvoiceState> {
  const result = await runFormAction(
    () => invoiceForm(formObject(formData)),
    (actor, invoice) => issueInvoice(actor, jobId, invoice),
    'Invoice issued.',
  );
  if (!result.ok) return result;
  revalidatePath('/invoices');
  revalidatePath(`/jobs/${jobId}`);
  redirect(`/invoices/${result.data.id}?issued=1`);
}
