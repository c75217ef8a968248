'use client';

import { adjustTimeEntryAction } from '@/app/(app)/time/actions';
import { CheckboxField, TextAreaField, TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { useSaveForm } from '@/components/ui/record-form';
import { SubmitButton } from '@/components/ui/submit-button';

/** An admin's correction of a stopped entry: new start and/or end (UTC), or void, always with a reason. */
export function CorrectionForm({
  entryId,
  startedAt,
  endedAt,
  voided,
}: {
  entryId: string;
  /** The effective times as `datetime-local` values (UTC). */
  startedAt: string;
  endedAt: string;
  voided: boolean;
}) {
  const { state, formAction, field } = useSaveForm(adjustTimeEntryAction.bind(null, entryId), { startedAt, endedAt });
  return (
    <form action={formAction} className="space-y-4" aria-label="Correct this entry">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Start (UTC)" type="datetime-local" {...field('startedAt')} />
        <TextField label="End (UTC)" type="datetime-local" {...field('endedAt')} />
      </div>
      <CheckboxField
        label="Void this entry (it then counts nowhere)"
        name="void"
        defaultChecked={state?.values ? state.values.void === 'on' : voided}
        labelClassName="font-medium text-slate-700"
        boxClassName="size-5"
      />
      <TextAreaField label="Reason" required maxLength={1000} {...field('reason')} />
      <SubmitButton>Save correction</SubmitButton>
    </form>
  );
}
