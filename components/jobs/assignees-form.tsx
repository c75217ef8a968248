'use client';

import { useActionState } from 'react';
import { setJobAssigneesAction, type AssigneesState } from '@/app/(app)/jobs/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/** The admin's picker: tick the workers on this job; unticking unassigns (the record is kept). */
export function AssigneesForm({
  jobId,
  workers,
  assignedIds,
}: {
  jobId: string;
  workers: { id: string; name: string; inactive?: boolean }[];
  assignedIds: string[];
}) {
  const [state, formAction] = useActionState<AssigneesState, FormData>(
    setJobAssigneesAction.bind(null, jobId),
    undefined,
  );
  const errors = state && !state.ok ? state.fieldErrors.userIds : undefined;
  return (
    <form key={assignedIds.join(',')} action={formAction} className="space-y-3">
      <fieldset>
        <legend className="sr-only">Workers on this job</legend>
        {workers.length === 0 ? <p className="text-sm text-slate-600">No active workers.</p> : null}
        <ul className="space-y-1">
          {workers.map((worker) => (
            <li key={worker.id}>
              <label className="flex min-h-12 items-center gap-3 rounded-md px-2 hover:bg-slate-50">
                <input
                  type="checkbox"
                  name="userIds"
                  value={worker.id}
                  defaultChecked={assignedIds.includes(worker.id)}
                  className="size-5"
                />
                <span>
                  {worker.name}
                  {worker.inactive ? <span className="ml-1 text-xs text-slate-500">(deactivated)</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {errors ? <p className="text-sm text-red-600">{errors.join(' ')}</p> : null}
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save assignees
      </SubmitButton>
    </form>
  );
}
