'use server';

import { revalidatePath } from 'next/cache';
import { runAction, submitForm } from '@/app/_lib/action';
import type { FormState } from '@/app/_lib/form-state';
import type { Actor } from '@/db/core/actor';
import { addJobPart, installJobPart, orderJobPart, returnJobPart } from '@/db/parts';

export async function addJobPartAction(jobId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const result = await submitForm(formData, (actor, values) => addJobPart(actor, jobId, values), 'Part added.');
  if (result.ok) revalidatePath(`/jobs/${jobId}`);
  return result;
}

/** A job part's next step (ordered, installed, returned), then the job page again. */
async function changeJobPart<T>(jobId: string, change: (actor: Actor) => Promise<T>, message: string) {
  const result = await runAction(change, message);
  revalidatePath(`/jobs/${jobId}`);
  return result;
}

export async function orderJobPartAction(jobId: string, jobPartId: string) {
  return changeJobPart(jobId, (actor) => orderJobPart(actor, jobPartId), 'Part ordered.');
}

export async function installJobPartAction(jobId: string, jobPartId: string) {
  return changeJobPart(jobId, (actor) => installJobPart(actor, jobPartId), 'Part installed.');
}

export async function returnJobPartAction(jobId: string, jobPartId: string) {
  return changeJobPart(jobId, (actor) => returnJobPart(actor, jobPartId), 'Part returned.');
}
