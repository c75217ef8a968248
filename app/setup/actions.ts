'use server';

import { notFound, redirect } from 'next/navigation';
import { actionError, type ActionResult } from '@/app/_lib/action';
import { setUpShop } from '@/db/auth/setup';
import { DomainError } from '@/db/core/errors';

export type SetupFormState = (ActionResult<undefined> & { values?: Record<string, string> }) | undefined;

// No acting user here: the data layer itself refuses once any user exists.
export async function setUpShopAction(_previous: SetupFormState, formData: FormData): Promise<SetupFormState> {
  const input = {
    shopName: String(formData.get('shopName') ?? ''),
    name: String(formData.get('name') ?? ''),
    email: String(formData.get('email') ?? ''),
    password: String(formData.get('password') ?? ''),
    confirmPassword: String(formData.get('confirmPassword') ?? ''),
  };
  try {
    await setUpShop(input);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') notFound();
    return { ...actionError(error), values: { shopName: input.shopName, name: input.name, email: input.email } };
  }
  redirect('/login?setup=1');
}
