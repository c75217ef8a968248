'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/app/_lib/action';
import { formObject } from '@/app/_lib/form';
import type { FormState } from '@/app/_lib/form-state';
import { addJobPart, installJobPart, orderJobPart, returnJobPart } from '@/db/parts';

export async function addJobPartAction(jobId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formObject(formData);
  const result = await runAction((actor) => addJobPart(actor, jobId, values), 'Part added.');
  if (!result.ok) return { ...result, values };
  revalidatePath(`/jobs/${jobId}`);
  return result;
}

export async function orderJobPartAction(jobId: string, jobPartId: string) {
  const result = await runAction((actor) => orderJobPart(actor, jobPartId), 'Part ordered.');
  revalidatePath(`/jobs/${jobId}`);
  return result;
}

export async function installJobPartAction(jobId: string, jobPartId: string) {
  const result = await runAction((actor) => installJobPart(actor, jobPartId), 'Part installed.');
  revalidatePath(`/jobs/${jobId}`);
  return result;
}

export async function returnJobPartAction(jobId: string, jobPartId: string) {
  const result = await runAction((actor) => returnJobPart(actor, jobPartId), 'Part returned.');
  revalidatePath(`/jobs/${jobId}`);
  return result;
}
