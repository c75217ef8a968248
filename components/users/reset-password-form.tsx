'use client';

import { useActionState } from 'react';

import { resetPasswordAction, type UserFormState } from '@/app/(app)/users/actions';

import { FormMessage } from '@/components/ui/form-message';

import { SubmitButton } from '@/components/ui/submit-button';

import { SetPasswordField } from './set-password-field';

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [state, formAction] = useActionState<UserFormState, FormData>(
    resetPasswordAction.bind(null, userId),
    undefined,
  );
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Reset password">
      <FormMessage state={state} />
      <SetPasswordField
        label="New password"
        errors={errors.password}
        hint="8 to 128 characters. Their open sessions end; they sign in with the new password."
      />
      <SubmitButton pendingLabel="Resetting…">Reset password</SubmitButton>
    </form>
  );
}
