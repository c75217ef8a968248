'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/customers/form-state';
import { runAction } from '@/app/_lib/action';
import { archiveVehicle, createVehicle, unarchiveVehicle, updateVehicle } from '@/db/vehicles';

/** Every text field of the form, blanks included (a blank field clears it on an edit). */
function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith('$ACTION') && typeof value === 'string') fields[key] = value;
  }
  return fields;
}

export async function createVehicleAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formFields(formData);
  const result = await runAction((actor) => createVehicle(actor, values), 'Vehicle saved.');
  if (!result.ok) return { ...result, values };
  revalidatePath('/vehicles');
  revalidatePath(`/customers/${result.data.customerId}`);
  redirect(`/customers/${result.data.customerId}?vehicleSaved=1`);
}

export async function updateVehicleAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formFields(formData);
  const result = await runAction((actor) => updateVehicle(actor, id, values), 'Vehicle saved.');
  if (!result.ok) return { ...result, values };
  revalidatePath('/vehicles');
  revalidatePath(`/customers/${result.data.customerId}`);
  redirect(`/vehicles/${id}?saved=1`);
}

export async function archiveVehicleAction(id: string) {
  const result = await runAction((actor) => archiveVehicle(actor, id), 'Vehicle archived.');
  revalidatePath('/vehicles');
  revalidatePath(`/vehicles/${id}`);
  if (result.ok) revalidatePath(`/customers/${result.data.customerId}`);
  return result;
}

export async function unarchiveVehicleAction(id: string) {
  const result = await runAction((actor) => unarchiveVehicle(actor, id), 'Vehicle unarchived.');
  revalidatePath('/vehicles');
  revalidatePath(`/vehicles/${id}`);
  if (result.ok) revalidatePath(`/customers/${result.data.customerId}`);
  return result;
}
