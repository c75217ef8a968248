'use client';

import { useActionState, type ReactNode } from 'react';
import { fieldErrorsOf, type FormState } from '@/app/_lib/form-state';
import { ButtonLink } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

type SaveAction = (state: FormState, data: FormData) => Promise<FormState>;

/**
 * A form's action state, and each field by name: the value it keeps (what was submitted after a refusal, else
 * `initial`) and its errors, to spread onto a TextField or SelectField (`<TextField {...field('name')} />`).
 */
export function useSaveForm(action: SaveAction, initial: Record<string, string> = {}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, undefined);
  const values = { ...initial, ...(state?.values ?? {}) };
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', errors: fieldErrorsOf(state, name) });
  return { state, formAction, field };
}

/** A record's form in two columns on a white box: the message, the fields, the save button across. */
export function RecordForm({
  state,
  action,
  submitLabel,
  children,
}: {
  state: FormState;
  action: (data: FormData) => void;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form
      action={action}
      className="grid max-w-2xl gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
    >
      <FormMessage state={state} />
      {children}
      <div className="sm:col-span-2">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

/** Save, and Cancel back to where the form came from. */
export function SaveOrCancel({ label, cancelHref }: { label: string; cancelHref: string }) {
  return (
    <div className="flex gap-2">
      <SubmitButton>{label}</SubmitButton>
      <ButtonLink href={cancelHref} variant="secondary">
        Cancel
      </ButtonLink>
    </div>
  );
}
