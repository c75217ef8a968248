'use client';

import { useActionState } from 'react';
import { adjustTimeEntryAction, type ClockState } from '@/app/(app)/time/actions';
import { TextAreaField, TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldErrorsOf } from '@/app/_lib/form-state';

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
  const [state, formAction] = useActionState<ClockState, FormData>(
    adjustTimeEntryAction.bind(null, entryId),
    undefined,
  );
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" aria-label="Correct this entry">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Start (UTC)"
          name="startedAt"
          type="datetime-local"
          defaultValue={values?.startedAt ?? startedAt}
          errors={fieldErrorsOf(state, 'startedAt')}
        />
        <TextField
          label="End (UTC)"
          name="endedAt"
          type="datetime-local"
          defaultValue={values?.endedAt ?? endedAt}
          errors={fieldErrorsOf(state, 'endedAt')}
        />
      </div>
      <div className="flex items-center gap-2">
        <input
          id={`void-${entryId}`}
          type="checkbox"
          name="void"
          defaultChecked={values ? values.void === 'on' : voided}
          className="size-5"
        />
        <label htmlFor={`void-${entryId}`} className="text-sm font-medium text-slate-700">
          Void this entry (it then counts nowhere)
        </label>
      </div>
      <TextAreaField
        label="Reason"
        name="reason"
        required
        maxLength={1000}
        defaultValue={values?.reason ?? ''}
        errors={fieldErrorsOf(state, 'reason')}
      />
      <SubmitButton>Save correction</SubmitButton>
    </form>
  );
}
