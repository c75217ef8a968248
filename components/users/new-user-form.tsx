'use client';

import { useActionState } from 'react';
import { createUserAction, type UserFormState } from '@/app/(app)/users/actions';
import { bindFields, TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { SetPasswordField } from './set-password-field';
import { RoleField } from './role-field';

export function NewUserForm() {
  const [state, formAction] = useActionState<UserFormState, FormData>(createUserAction, undefined);
  const values = state?.values ?? {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  const field = bindFields(values, errors);
  return (
    <form action={formAction} className="max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
      <FormMessage state={state} />
      <TextField label="Name" {...field('name')} autoComplete="off" required />
      <TextField label="Email" {...field('email')} type="email" autoComplete="off" required />
      <RoleField defaultValue={values.role} errors={errors.role} />
      <SetPasswordField
        label="Initial password"
        defaultValue={values.password}
        errors={errors.password}
        hint="8 to 128 characters. Give it to the person; they sign in with it."
      />
      <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
    </form>
  );
}
