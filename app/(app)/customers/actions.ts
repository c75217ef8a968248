'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/app/_lib/form-state';
import { runAction } from '@/app/_lib/action';
import { formObject } from '@/app/_lib/form';
import { archiveCustomer, createCustomer, unarchiveCustomer, updateCustomer } from '@/db/customers';

export async function createCustomerAction(_state: FormState, formData: FormData): Promise<FormState> {
  // Blanks included: a blank field clears it on an edit.
  const values = formObject(formData, { keepBlank: true });
  const result = await runAction((actor) => createCustomer(actor, values), 'Customer saved.');
  if (!result.ok) return { ...result, values };
  revalidatePath('/customers');
  redirect(`/customers/${result.data.id}?saved=1`);
}

export async function updateCustomerAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  // Blanks included: a blank field clears it on an edit.
  const values = formObject(formData, { keepBlank: true });
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
