'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/customers/form-state';
import { runAction } from '@/app/_lib/action';
import { archiveCustomer, createCustomer, unarchiveCustomer, updateCustomer } from '@/db/customers';

/** Every text field of the form, blanks included (a blank field clears it on an edit). */
function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith('$ACTION') && typeof value === 'string') fields[key] = value;
  }
  return fields;
}

export async function createCustomerAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formFields(formData);
  const result = await runAction((actor) => createCustomer(actor, values), 'Customer saved.');
  if (!result.ok) return { ...result, values };
  revalidatePath('/customers');
  redirect(`/customers/${result.data.id}?saved=1`);
}

export async function updateCustomerAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formFields(formData);
  const result = await runAction((actor) => updateCustomer(actor, id, values), 'Customer saved.');
  if (!result.ok) return { ...result, values };
  revalidatePath('/customers');
  redirect(`/customers/${id}?saved=1`);
}

export async function archiveCustomerAction(id: string) {
  const result = await runAction((actor) => archiveCustomer(actor, id), 'Customer archived.');
  revalidatePath('/customers');
  revalidatePath(`/customers/${id}`);
  return result;
}

export async function unarchiveCustomerAction(id: string) {
  const result = await runAction((actor) => unarchiveCustomer(actor, id), 'Customer unarchived.');
  revalidatePath('/customers');
  revalidatePath(`/customers/${id}`);
  return result;
}
