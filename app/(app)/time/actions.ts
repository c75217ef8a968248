'use server';

import { revalidatePath } from 'next/cache';
import { runAction, submitForm } from '@/app/_lib/action';
import { timeAdjustmentForm } from '@/app/_lib/form-inputs';
import type { FormState } from '@/app/_lib/form-state';
import type { Actor } from '@/db/core/actor';
import { adjustTimeEntry, startClock, stopClock, type TimeEntryDto } from '@/db/time';

export type ClockState = FormState<TimeEntryDto>;

/** The shell shows the running clock on every page: the whole layout is stale after a start or a stop. */
function revalidateClocks() {
  revalidatePath('/', 'layout');
}

/** A technician named on the form (`userId`: an admin clocking someone else), else the caller. */
function technicianOf(formData: FormData | undefined) {
  const userId = formData?.get('userId');
  return typeof userId === 'string' && userId !== '' ? { userId } : {};
}

export async function startClockAction(jobId: string, _previous: ClockState, formData?: FormData): Promise<ClockState> {
  const result = await runAction((actor) => startClock(actor, jobId, technicianOf(formData)), 'Clock started.');
  if (result.ok) revalidateClocks();
  return result;
}

export async function stopClockAction(jobId: string, _previous: ClockState, formData?: FormData): Promise<ClockState> {
  const result = await runAction((actor) => stopClock(actor, jobId, technicianOf(formData)), 'Clock stopped.');
  if (result.ok) revalidateClocks();
  return result;
}

export async function adjustTimeEntryAction(entryId: string, _previous: ClockState, formData: FormData) {
  const adjust = (actor: Actor, input: unknown) => adjustTimeEntry(actor, entryId, input);
  const result = await submitForm(formData, adjust, 'Correction saved.', { convert: timeAdjustmentForm });
  if (result.ok) revalidateClocks();
  return result;
}
