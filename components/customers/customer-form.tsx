'use client';

import { useActionState } from 'react';

import { bindFields, SelectField, TextAreaField, TextField } from '@/components/ui/fields';

import { FormMessage } from '@/components/ui/form-message';

import { SaveOrCancel } from '@/components/ui/record-form';

import { fieldErrorsOf, type FormState } from '@/app/_lib/form-state';

export type CustomerFormValues = {
  kind: string;
  name: string;
  company: string;
  phone: string;
  email: string;
  address: string;
  notes: string;
};

/** Create or edit a customer. Errors show under each field; the typed values stay after a refusal. */
export function CustomerForm({
  action,
  initial,
  cancelHref,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial?: Partial<CustomerFormValues>;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const values: Partial<CustomerFormValues> = { ...initial, ...(state?.values ?? {}) };
  const errors = (name: keyof CustomerFormValues) => fieldErrorsOf(state, name);
  const field = bindFields(values, errors);
  return (
    <form action={formAction} noValidate className="max-w-2xl space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Kind"
          name="kind"
          defaultValue={values.kind ?? 'individual'}
          errors={errors('kind')}
          options={[
            { value: 'individual', label: 'Individual' },
            { value: 'business', label: 'Business' },
          ]}
        />
        <TextField label="Name" {...field('name')} required autoComplete="off" />
        <TextField label="Company" {...field('company')} autoComplete="off" />
        <TextField label="Phone" {...field('phone')} type="tel" autoComplete="off" />
        <TextField label="Email" {...field('email')} type="email" autoComplete="off" />
      </div>
      <TextAreaField label="Address" name="address" defaultValue={values.address} errors={errors('address')} />
      <TextAreaField label="Notes" name="notes" defaultValue={values.notes} errors={errors('notes')} />
      <SaveOrCancel label="Save customer" cancelHref={cancelHref} />
    </form>
  );
}
