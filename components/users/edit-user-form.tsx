'use client';

import { useActionState } from 'react';
import { editUserAction, type UserFormState } from '@/app/(app)/users/actions';
import { bindFields, TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { UserDto } from '@/db/users';
import { RoleField } from './role-field';

export function EditUserForm({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const [state, formAction] = useActionState<UserFormState, FormData>(editUserAction.bind(null, user.id), undefined);
  const values = state && !state.ok ? (state.values ?? {}) : { name: user.name, email: user.email, role: user.role };
  const errors = state && !state.ok ? state.fieldErrors : {};
  const field = bindFields(values, errors);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="User details">
      <FormMessage state={state} />
      <TextField label="Name" {...field('name')} autoComplete="off" required />
      <TextField label="Email" {...field('email')} type="email" autoComplete="off" required />
      <RoleField
        defaultValue={isSelf ? user.role : (values.role ?? user.role)}
        errors={errors.role}
        disabled={isSelf}
        hint={isSelf ? 'You cannot change your own role.' : 'A role change signs them out everywhere.'}
      />
      <SubmitButton>Save changes</SubmitButton>
    </form>
  );
}
