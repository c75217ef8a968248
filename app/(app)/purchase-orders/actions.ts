'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, runFormAction } from '@/app/_lib/action';
import { formObject, nestFormFields } from '@/app/_lib/form';
import { purchaseOrderForm } from '@/app/_lib/form-inputs';
import type { FormState } from '@/app/_lib/form-state';
import {
  cancelPurchaseOrder,
  createPurchaseOrder,
  orderPurchaseOrder,
  receivePurchaseOrder,
  updatePurchaseOrder,
} from '@/db/parts';

export async function createPurchaseOrderAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formObject(formData);
  const result = await runFormAction(
    () => purchaseOrderForm(values),
    (actor, input) => createPurchaseOrder(actor, input),
    'Purchase order drafted.',
  );
  if (!result.ok) return { ...result, values };
  revalidatePath('/purchase-orders');
  redirect(`/purchase-orders/${result.data.id}?saved=1`);
}

/** The draft's expected delivery date and notes. */
export async function updatePurchaseOrderAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formObject(formData, { keepBlank: true });
  const result = await runAction((actor) => updatePurchaseOrder(actor, id, values), 'Purchase order saved.');
  if (!result.ok) return { ...result, values };
  revalidatePath(`/purchase-orders/${id}`);
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
export async function receivePurchaseOrderAction(
  id: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formObject(formData);
  const result = await runAction(
    (actor) => receivePurchaseOrder(actor, id, nestFormFields(values)),
    'Delivery received.',
  );
  if (!result.ok) return { ...result, values };
  revalidatePath(`/purchase-orders/${id}`);
  revalidatePath('/parts');
  return result;
}
