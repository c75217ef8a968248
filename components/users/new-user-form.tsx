'use client';

import { useActionState } from 'react';
import { createUserAction, type UserFormState } from '@/app/(app)/users/actions';
import { TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { RoleField } from './role-field';

export function NewUserForm() {
  const [state, formAction] = useActionState<UserFormState, FormData>(createUserAction, undefined);
  const values = state?.values ?? {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
      <FormMessage state={state} />
      <TextField label="Name" name="name" autoComplete="off" required defaultValue={values.name} errors={errors.name} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        required
        defaultValue={values.email}
        errors={errors.email}
      />
      <RoleField defaultValue={values.role} errors={errors.role} />
      <TextField
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        defaultValue={values.password}
        errors={errors.password}
        hint="8 to 128 characters. Give it to the person; they sign in with it."
      />
      <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
    </form>
  );
}
