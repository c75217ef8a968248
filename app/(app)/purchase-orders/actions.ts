'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, submitForm } from '@/app/_lib/action';
import { nestFormFields, type FlatForm } from '@/app/_lib/form';
import { purchaseOrderForm } from '@/app/_lib/form-inputs';
import type { FormState } from '@/app/_lib/form-state';
import type { Actor } from '@/db/core/actor';
import {
  cancelPurchaseOrder,
  createPurchaseOrder,
  orderPurchaseOrder,
  receivePurchaseOrder,
  updatePurchaseOrder,
} from '@/db/parts';

export async function createPurchaseOrderAction(_state: FormState, formData: FormData): Promise<FormState> {
  const result = await submitForm(formData, createPurchaseOrder, 'Purchase order drafted.', {
    convert: purchaseOrderForm,
  });
  if (!result.ok) return result;
  revalidatePath('/purchase-orders');
  redirect(`/purchase-orders/${result.data.id}?saved=1`);
}

/** The draft's expected delivery date and notes. */
export async function updatePurchaseOrderAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const update = (actor: Actor, values: FlatForm) => updatePurchaseOrder(actor, id, values);
  const result = await submitForm(formData, update, 'Purchase order saved.', { keepBlank: true });
  if (result.ok) revalidatePath(`/purchase-orders/${id}`);
  return result;
}

export async function orderPurchaseOrderAction(id: string) {
  const result = await runAction((actor) => orderPurchaseOrder(actor, id), 'Purchase order sent to the vendor.');
  revalidatePath(`/purchase-orders/${id}`);
  return result;
}

export async function cancelPurchaseOrderAction(id: string) {
  const result = await runAction((actor) => cancelPurchaseOrder(actor, id), 'Purchase order cancelled.');
  revalidatePath(`/purchase-orders/${id}`);
  return result;
}

/** The tablet's receive form: `lines.N.lineId` and `lines.N.quantity`, one Save. */
export async function receivePurchaseOrderAction(id: string, _state: FormState, formData: FormData) {
  const receive = (actor: Actor, values: FlatForm) => receivePurchaseOrder(actor, id, nestFormFields(values));
  const result = await submitForm(formData, receive, 'Delivery received.');
  if (!result.ok) return result;
  revalidatePath(`/purchase-orders/${id}`);
  revalidatePath('/parts');
  return result;
}
