'use client';

import { useActionState } from 'react';
import { addJobNoteAction, type NoteFormState } from '@/app/(app)/jobs/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/fields';

/** The note box: a correction is a new note, so there is nothing to edit here. */
export function NoteForm({ jobId, compact = false }: { jobId: string; compact?: boolean }) {
  const [state, formAction] = useActionState<NoteFormState, FormData>(addJobNoteAction.bind(null, jobId), undefined);
  const failed = state && !state.ok;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <TextAreaField
        id={`note-${jobId}`}
        label="Note"
        name="body"
        rows={compact ? 2 : 3}
        maxLength={5000}
        required
        defaultValue={failed ? state.values?.body : undefined}
        errors={failed ? state.fieldErrors.body : undefined}
      />
      {failed && !state.fieldErrors.body ? <FormMessage state={state} /> : null}
      {state?.ok ? <FormMessage state={state} /> : null}
      <SubmitButton variant="secondary" size="lg" pendingLabel="Adding…">
        Add note
      </SubmitButton>
    </form>
  );
}
