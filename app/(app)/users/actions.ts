'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, submitForm } from '@/app/_lib/action';
import { formObject } from '@/app/_lib/form';
import type { FormState } from '@/app/_lib/form-state';
import {
  createUser,
  deactivateUser,
  editUser,
  endUserSessions,
  reactivateUser,
  resetPassword,
  type UserDto,
} from '@/db/users';

/** An action's result plus, on a refusal, what was typed (so the form keeps its values). */
export type UserFormState = FormState<UserDto>;
export type UserCommandState = FormState;

/** The list and the user's page after a change. */
function revalidateUser(id: string) {
  revalidatePath('/users');
  revalidatePath(`/users/${id}`);
}

export async function createUserAction(_previous: UserFormState, formData: FormData): Promise<UserFormState> {
  const result = await submitForm(formData, createUser, 'User created.');
  if (!result.ok) return result;
  revalidatePath('/users');
  redirect(`/users/${result.data.id}?created=1`);
}

export async function editUserAction(id: string, _previous: UserFormState, formData: FormData): Promise<UserFormState> {
  const result = await submitForm(formData, (actor, values) => editUser(actor, id, values), 'User saved.');
  if (result.ok) revalidateUser(id);
  return result;
}

export async function resetPasswordAction(
  id: string,
  _previous: UserFormState,
  formData: FormData,
): Promise<UserFormState> {
  const result = await runAction(
    (actor) => resetPassword(actor, id, formObject(formData)),
    'Password reset. Their open sessions have ended.',
  );
  return result;
}

export async function deactivateUserAction(
  id: string,
  _previous: UserCommandState,
  _formData: FormData,
): Promise<UserCommandState> {
  const result = await runAction(
    (actor) => deactivateUser(actor, id),
    'User deactivated. Their open sessions have ended.',
  );
  revalidateUser(id);
  return result;
}

export async function reactivateUserAction(
  id: string,
  _previous: UserCommandState,
  _formData: FormData,
): Promise<UserCommandState> {
  const result = await runAction((actor) => reactivateUser(actor, id), 'User reactivated. They can sign in again.');
  revalidateUser(id);
  return result;
}

export async function endUserSessionsAction(
  id: string,
  _previous: UserCommandState,
  _formData: FormData,
): Promise<UserCommandState> {
  return runAction((actor) => endUserSessions(actor, id), 'All their sessions have ended. They must sign in again.');
}
