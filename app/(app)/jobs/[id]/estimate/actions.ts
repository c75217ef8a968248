'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, runFormAction } from '@/app/_lib/action';
import type { FormState } from '@/app/_lib/form-state';
import { formObject } from '@/app/_lib/form';
import { invoiceForm } from '@/app/_lib/form-inputs';
import {
  createEstimate,
  recordAuthorization,
  reviseEstimate,
  sendEstimate,
  updateEstimate,
  type SentEstimateDto,
} from '@/db/estimates';

/** The estimate editor: a new version, or the draft's edit (the lines convert like an invoice's). */
export async function saveEstimateAction(
  jobId: string,
  draftId: string | null,
  _previous: FormState<unknown>,
  formData: FormData,
): Promise<FormState<unknown>> {
  const result = await runFormAction(
    () => invoiceForm(formObject(formData)),
    (actor, input) => (draftId ? updateEstimate(actor, draftId, input) : createEstimate(actor, jobId, input)),
    'Estimate saved.',
  );
  if (!result.ok) return result;
  revalidatePath(`/jobs/${jobId}`);
  redirect(`/jobs/${jobId}?estimate=saved`);
}

export async function sendEstimateAction(
  jobId: string,
  estimateId: string,
  _previous: FormState<SentEstimateDto>,
): Promise<FormState<SentEstimateDto>> {
  const result = await runAction((actor) => sendEstimate(actor, estimateId), 'Estimate sent.');
  if (result.ok) revalidatePath(`/jobs/${jobId}`);
  return result;
}

export async function reviseEstimateAction(jobId: string, estimateId: string): Promise<FormState<unknown>> {
  const result = await runAction((actor) => reviseEstimate(actor, estimateId), 'New draft version.');
  if (!result.ok) return result;
  revalidatePath(`/jobs/${jobId}`);
  redirect(`/jobs/${jobId}/estimate`);
}

/** Phone or in-person approval: the ticked lines (checkboxes `approvedLineIds`), the authorizer's name. */
export async function recordAuthorizationAction(
  jobId: string,
  estimateId: string,
  _previous: FormState<unknown>,
  formData: FormData,
): Promise<FormState<unknown>> {
  const input = {
    channel: formData.get('channel'),
    authorizedBy: formData.get('authorizedBy'),
    approvedLineIds: formData.getAll('approvedLineIds'),
    note: formData.get('note'),
  };
  const result = await runAction((actor) => recordAuthorization(actor, estimateId, input), 'Approval recorded.');
  if (!result.ok) {
    // Refused, the form shows what was entered and ticked (the ticked lines as one comma-separated value).
    const text = (name: string) => String(formData.get(name) ?? '');
    const ticked = input.approvedLineIds.map(String).join(',');
    return {
      ...result,
      values: {
        channel: text('channel'),
        authorizedBy: text('authorizedBy'),
        note: text('note'),
        approvedLineIds: ticked,
      },
    };
  }
  revalidatePath(`/jobs/${jobId}`);
  return result;
}
