'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formObject, runAction, type ActionResult } from '@/app/_lib/action';
import { issueInvoice, type InvoiceDto } from '@/db/invoices';

export type IssueInvoiceState = ActionResult<InvoiceDto> | undefined;

export async function issueInvoiceAction(
  jobId: string,
  _previous: IssueInvoiceState,
  formData: FormData,
): Promise<IssueInvoiceState> {
  const result = await runAction((actor) => issueInvoice(actor, jobId, formObject(formData)), 'Invoice issued.');
  if (!result.ok) return result;
  revalidatePath('/invoices');
  revalidatePath(`/jobs/${jobId}`);
  redirect(`/invoices/${result.data.id}?issued=1`);
}
