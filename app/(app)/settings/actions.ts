'use server';

import { revalidatePath } from 'next/cache';
import { runFormAction } from '@/app/_lib/action';
import { formObject } from '@/app/_lib/form';
import { settingsForm } from '@/app/_lib/form-inputs';
import type { FormState } from '@/app/_lib/form-state';
import { updateShopSettings, type ShopSettingsDto } from '@/db/settings';

export type SettingsFormState = FormState<ShopSettingsDto>;

export async function saveShopSettingsAction(
  _previous: SettingsFormState,
  formData: FormData,
): Promise<SettingsFormState> {
  // Every field as typed, empty ones included: an emptied required field must be refused, not kept as it was
  // (formObject drops empty fields, and updateShopSettings keeps what it is not sent), and an emptied address clears it.
  const values = formObject(formData, { keepBlank: true });
  const result = await runFormAction(() => settingsForm(values), updateShopSettings, 'Settings saved.');
  if (!result.ok) return { ...result, values };
  revalidatePath('/', 'layout');
  return result;
}
