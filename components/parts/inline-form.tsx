'use client';

import { useActionState, type ComponentProps } from 'react';
import { fieldErrorsOf, type FormState } from '@/app/_lib/form-state';
import { TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/** A field of an inline form: what it starts with (`initial`) until a refusal keeps what was typed. */
export type InlineField = Omit<ComponentProps<typeof TextField>, 'defaultValue' | 'errors'> & { initial: string };

/** A form on one line (a part's stock adjustment, a draft order's date): its text fields, its button, its message. */
export function InlineForm({
  action,
  fields,
  submit,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: InlineField[];
  submit: string;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, undefined);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      {fields.map(({ initial, ...field }) => (
        <TextField
          key={field.name}
          {...field}
          defaultValue={state?.values?.[field.name] ?? initial}
          errors={fieldErrorsOf(state, field.name)}
        />
      ))}
      <SubmitButton>{submit}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
