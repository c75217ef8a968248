'use client';

import { useActionState } from 'react';
import { saveVendorAction } from '@/app/(app)/vendors/actions';
import { fieldErrorsOf, type FormState } from '@/app/_lib/form-state';
import { TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

export function VendorForm({ vendorId, initial }: { vendorId: string | null; initial: Record<string, string> }) {
  const [state, formAction] = useActionState<FormState, FormData>(saveVendorAction.bind(null, vendorId), undefined);
  const values = { ...initial, ...(state?.values ?? {}) };
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', errors: fieldErrorsOf(state, name) });
  return (
    <form
      action={formAction}
      className="grid max-w-2xl gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
    >
      <FormMessage state={state} />
      <TextField label="Name" required {...field('name')} />
      <TextField label="Contact name" {...field('contactName')} />
      <TextField label="Phone" {...field('phone')} />
      <TextField label="Email" type="email" {...field('email')} />
      <TextField label="Account number" {...field('accountNumber')} />
      <div className="sm:col-span-2">
        <SubmitButton>Save vendor</SubmitButton>
      </div>
    </form>
  );
}
