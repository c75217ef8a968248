'use client';

import { useActionState } from 'react';
import { setUpShopAction, type SetupFormState } from '@/app/setup/actions';
import { bindFields, TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { NewPasswordFields } from './new-password-fields';

/** Shop name, the first admin's name and email, and their password twice. */
export function SetupForm() {
  const [state, formAction] = useActionState<SetupFormState, FormData>(setUpShopAction, undefined);
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  const field = bindFields(values, errors);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField label="Shop name" {...field('shopName')} required maxLength={120} />
      <TextField label="Your name" {...field('name')} required maxLength={120} autoComplete="name" />
      <TextField label="Email" {...field('email')} type="email" required autoComplete="username" />
      <NewPasswordFields label="Password" name="password" errors={errors} />
      <SubmitButton size="lg" className="w-full" pendingLabel="Setting up…">
        Create the shop and its admin
      </SubmitButton>
    </form>
  );
}
