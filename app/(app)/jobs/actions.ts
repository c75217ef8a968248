'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, submitForm } from '@/app/_lib/action';
import { formObject, type FlatForm } from '@/app/_lib/form';
import { jobForm } from '@/app/_lib/form-inputs';
import type { FormState } from '@/app/_lib/form-state';
import type { Actor } from '@/db/core/actor';
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
  const result = await submitForm(formData, createJob, 'Job created.', { convert: jobForm });
  if (!result.ok) return result;
  revalidateJob(result.data.id);
  redirect(`/jobs/${result.data.id}?created=1`);
}

/** The edit form: a field left empty clears it. */
function editedJobForm(values: FlatForm) {
  return jobForm({
    ...values,
    description: values.description ?? null,
    promisedAt: values.promisedAt ?? null,
    odometerIn: values.odometerIn ?? null,
  });
}

export async function updateJobAction(id: string, _previous: JobFormState, formData: FormData): Promise<JobFormState> {
  const update = (actor: Actor, job: unknown) => updateJob(actor, id, job);
  const result = await submitForm(formData, update, 'Job saved.', { convert: editedJobForm });
  if (result.ok) revalidateJob(id);
  return result;
}

export async function changeJobStatusAction(id: string, _previous: JobCommandState, formData: FormData) {
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

export async function addJobNoteAction(id: string, _previous: NoteFormState, formData: FormData) {
  const result = await submitForm(formData, (actor, values) => addJobNote(actor, id, values), 'Note added.');
  if (result.ok) revalidateJob(id);
  return result;
}
