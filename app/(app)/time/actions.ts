'use server';

import { revalidatePath } from 'next/cache';
import { runAction, runFormAction } from '@/app/_lib/action';
import { formObject } from '@/app/_lib/form';
import { timeAdjustmentForm } from '@/app/_lib/form-inputs';
import type { FormState } from '@/app/_lib/form-state';
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

export async function adjustTimeEntryAction(
  entryId: string,
  _previous: ClockState,
  formData: FormData,
): Promise<ClockState> {
  const values = formObject(formData);
  const result = await runFormAction(
    () => timeAdjustmentForm(values),
    (actor, input) => adjustTimeEntry(actor, entryId, input),
    'Correction saved.',
  );
  if (!result.ok) return { ...result, values };
  revalidateClocks();
  return result;
}
