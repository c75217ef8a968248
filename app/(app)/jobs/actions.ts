'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, runFormAction } from '@/app/_lib/action';
import { formObject } from '@/app/_lib/form';
import { jobForm } from '@/app/_lib/form-inputs';
import type { FormState } from '@/app/_lib/form-state';
import { changeJobStatus, createJob, setJobAssignees, updateJob, type JobDto, type JobPersonDto } from '@/db/jobs';
import { addJobNote, type JobNoteDto } from '@/db/notes';
import { jobStatusChangedMessage } from '@/db/core/labels';

/** An action's result plus, on a refusal, what was typed (so the form keeps its values). */
export type JobFormState = FormState<JobDto>;
export type JobCommandState = FormState;
export type NoteFormState = FormState<JobNoteDto>;
export type AssigneesState = FormState<JobPersonDto[]>;

function revalidateJob(id: string) {
  revalidatePath('/jobs');
  revalidatePath(`/jobs/${id}`);
  revalidatePath('/my-jobs');
}

export async function createJobAction(_previous: JobFormState, formData: FormData): Promise<JobFormState> {
  const values = formObject(formData);
  const result = await runFormAction(() => jobForm(values), createJob, 'Job created.');
  if (!result.ok) return { ...result, values };
  revalidateJob(result.data.id);
  redirect(`/jobs/${result.data.id}?created=1`);
}

export async function updateJobAction(id: string, _previous: JobFormState, formData: FormData): Promise<JobFormState> {
  const values = formObject(formData);
  // A field left empty on the edit form clears it.
  const input = {
    ...values,
    description: values.description ?? null,
    promisedAt: values.promisedAt ?? null,
    odometerIn: values.odometerIn ?? null,
  };
  const result = await runFormAction(
    () => jobForm(input),
    (actor, job) => updateJob(actor, id, job),
    'Job saved.',
  );
  if (!result.ok) return { ...result, values };
  revalidateJob(id);
  return result;
}

export async function changeJobStatusAction(
  id: string,
  _previous: JobCommandState,
  formData: FormData,
): Promise<JobCommandState> {
  const values = formObject(formData);
  const result = await runAction((actor) => changeJobStatus(actor, id, values), 'Status changed.');
  if (result.ok) {
    revalidateJob(id);
    return { ...result, message: jobStatusChangedMessage(result.data.status) };
  }
  return result;
}

export async function setJobAssigneesAction(
  id: string,
  _previous: AssigneesState,
  formData: FormData,
): Promise<AssigneesState> {
  const userIds = formData
    .getAll('userIds')
    .filter((value): value is string => typeof value === 'string' && value !== '');
  const result = await runAction((actor) => setJobAssignees(actor, id, { userIds }), 'Assignees saved.');
  if (result.ok) revalidateJob(id);
  return result;
}

export async function addJobNoteAction(
  id: string,
  _previous: NoteFormState,
  formData: FormData,
): Promise<NoteFormState> {
  const values = formObject(formData);
  const result = await runAction((actor) => addJobNote(actor, id, values), 'Note added.');
  if (!result.ok) return { ...result, values };
  revalidateJob(id);
  return result;
}
