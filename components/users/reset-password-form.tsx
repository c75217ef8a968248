'use client';

import { useActionState } from 'react';
import { resetPasswordAction, type UserFormState } from '@/app/(app)/users/actions';
import { TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [state, formAction] = useActionState<UserFormState, FormData>(
    resetPasswordAction.bind(null, userId),
    undefined,
  );
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Reset password">
      <FormMessage state={state} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        errors={errors.password}
        hint="8 to 128 characters. Their open sessions end; they sign in with the new password."
      />
      <SubmitButton pendingLabel="Resetting…">Reset password</SubmitButton>
    </form>
  );
}
