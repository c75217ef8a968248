'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, submitForm } from '@/app/_lib/action';
import { partForm } from '@/app/_lib/form-inputs';
import type { FormState } from '@/app/_lib/form-state';
import type { Actor } from '@/db/core/actor';
import { adjustStock, createPart, draftReorders, listParts, updatePart } from '@/db/parts';

export async function savePartAction(id: string | null, _state: FormState, formData: FormData): Promise<FormState> {
  const save = (actor: Actor, input: unknown) => (id ? updatePart(actor, id, input) : createPart(actor, input));
  const result = await submitForm(formData, save, 'Part saved.', { convert: partForm, keepBlank: true });
  if (!result.ok) return result;
  revalidatePath('/parts');
  redirect(`/parts/${result.data.id}?saved=1`);
}

export async function adjustStockAction(partId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const result = await submitForm(formData, (actor, values) => adjustStock(actor, partId, values), 'Stock adjusted.');
  if (result.ok) revalidatePath(`/parts/${partId}`);
  return result;
}

export async function draftReordersAction() {
  const result = await runAction((actor) => draftReorders(actor), 'Draft purchase orders ready.');
  revalidatePath('/parts');
  revalidatePath('/purchase-orders');
  return result;
}

/** The job page's part picker: parts matching the text, with their available stock. */
export async function searchPartsAction(q: string) {
  return runAction((actor) => listParts(actor, { q: String(q).slice(0, 100), limit: 8 }));
}
