'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, runFormAction } from '@/app/_lib/action';
import { formObject } from '@/app/_lib/form';
import { partForm } from '@/app/_lib/form-inputs';
import type { FormState } from '@/app/_lib/form-state';
import { adjustStock, createPart, draftReorders, listParts, updatePart } from '@/db/parts';

export async function savePartAction(id: string | null, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formObject(formData, { keepBlank: true });
  const result = await runFormAction(
    () => partForm(values),
    (actor, input) => (id ? updatePart(actor, id, input) : createPart(actor, input)),
    'Part saved.',
  );
  if (!result.ok) return { ...result, values };
  revalidatePath('/parts');
  redirect(`/parts/${result.data.id}?saved=1`);
}

export async function adjustStockAction(partId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formObject(formData);
  const result = await runAction((actor) => adjustStock(actor, partId, values), 'Stock adjusted.');
  if (!result.ok) return { ...result, values };
  revalidatePath(`/parts/${partId}`);
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
