'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction } from '@/app/_lib/action';
import { formObject } from '@/app/_lib/form';
import type { FormState } from '@/app/_lib/form-state';
import { createVendor, updateVendor } from '@/db/parts';

export async function saveVendorAction(id: string | null, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formObject(formData, { keepBlank: true });
  const result = await runAction(
    (actor) => (id ? updateVendor(actor, id, values) : createVendor(actor, values)),
    'Vendor saved.',
  );
  if (!result.ok) return { ...result, values };
  revalidatePath('/vendors');
  redirect(`/vendors/${result.data.id}?saved=1`);
}
