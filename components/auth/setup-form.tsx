'use client';

import { useActionState } from 'react';
import { setUpShopAction, type SetupFormState } from '@/app/setup/actions';
import { TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/** Shop name, the first admin's name and email, and their password twice. */
export function SetupForm() {
  const [state, formAction] = useActionState<SetupFormState, FormData>(setUpShopAction, undefined);
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        label="Shop name"
        name="shopName"
        required
        maxLength={120}
        defaultValue={values.shopName}
        errors={errors.shopName}
      />
      <TextField
        label="Your name"
        name="name"
        required
        maxLength={120}
        autoComplete="name"
        defaultValue={values.name}
        errors={errors.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        required
        autoComplete="username"
        defaultValue={values.email}
        errors={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        required
        autoComplete="new-password"
        hint="8 to 128 characters."
        errors={errors.password}
      />
      <TextField
        label="Password again"
        name="confirmPassword"
        type="password"
        required
        autoComplete="new-password"
        errors={errors.confirmPassword}
      />
      <SubmitButton size="lg" className="w-full" pendingLabel="Setting up…">
        Create the shop and its admin
      </SubmitButton>
    </form>
  );
}
