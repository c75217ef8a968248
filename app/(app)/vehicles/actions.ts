'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/app/_lib/form-state';
import { runAction, runFormAction } from '@/app/_lib/action';
import { vehicleForm } from '@/app/_lib/form-inputs';
import { formObject } from '@/app/_lib/form';
import { archiveVehicle, createVehicle, unarchiveVehicle, updateVehicle } from '@/db/vehicles';

export async function createVehicleAction(_state: FormState, formData: FormData): Promise<FormState> {
  // Blanks included: a blank field clears it on an edit.
  const values = formObject(formData, { keepBlank: true });
  const result = await runFormAction(() => vehicleForm(values), createVehicle, 'Vehicle saved.');
  if (!result.ok) return { ...result, values };
  revalidatePath('/vehicles');
  revalidatePath(`/customers/${result.data.customerId}`);
  redirect(`/customers/${result.data.customerId}?vehicleSaved=1`);
}

export async function updateVehicleAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  // Blanks included: a blank field clears it on an edit.
  const values = formObject(formData, { keepBlank: true });
  const result = await runFormAction(
    () => vehicleForm(values),
    (actor, input) => updateVehicle(actor, id, input),
    'Vehicle saved.',
  );
  if (!result.ok) return { ...result, values };
  revalidatePath('/vehicles');
  revalidatePath(`/customers/${result.data.customerId}`);
  redirect(`/vehicles/${id}?saved=1`);
}

/** Archiving or unarchiving, then the lists and pages that show the vehicle. */
async function setArchived(id: string, change: typeof archiveVehicle, message: string) {
  const result = await runAction((actor) => change(actor, id), message);
  revalidatePath('/vehicles');
  revalidatePath(`/vehicles/${id}`);
  if (result.ok) revalidatePath(`/customers/${result.data.customerId}`);
  return result;
}

export async function archiveVehicleAction(id: string) {
  return setArchived(id, archiveVehicle, 'Vehicle archived.');
}

export async function unarchiveVehicleAction(id: string) {
  return setArchived(id, unarchiveVehicle, 'Vehicle unarchived.');
}
