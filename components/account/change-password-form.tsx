'use client';

import { useActionState } from 'react';
import { changePasswordAction, type ChangePasswordState } from '@/app/(app)/account/actions';
import { TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { NewPasswordFields } from '@/components/auth/new-password-fields';

/** Current password, then the new one twice. The fields empty themselves after a change. */
export function ChangePasswordForm() {
  const [state, formAction] = useActionState<ChangePasswordState, FormData>(changePasswordAction, undefined);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form
      action={formAction}
      className="max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6"
      noValidate
      key={state?.ok ? 'changed' : 'editing'}
    >
      <h2 className="text-lg font-semibold">Change password</h2>
      <FormMessage state={state} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        required
        autoComplete="current-password"
        errors={errors.currentPassword}
      />
      <NewPasswordFields label="New password" name="newPassword" errors={errors} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
