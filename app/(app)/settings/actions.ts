'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionResult } from '@/app/_lib/action';
import { updateShopSettings, type ShopSettingsDto } from '@/db/settings';

export type SettingsFormState = (ActionResult<ShopSettingsDto> & { values?: Record<string, string> }) | undefined;

export async function saveShopSettingsAction(
  _previous: SettingsFormState,
  formData: FormData,
): Promise<SettingsFormState> {
  // Every field as typed, empty ones included: an emptied required field must be refused, not kept as it was
  // (formObject drops empty fields, and updateShopSettings keeps what it is not sent), and an emptied address clears it.
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith('$ACTION') && typeof value === 'string') values[key] = value;
  }
  const result = await runAction((actor) => updateShopSettings(actor, values), 'Settings saved.');
  if (!result.ok) return { ...result, values };
  revalidatePath('/', 'layout');
  return result;
}
