'use client';

import { useActionState } from 'react';
import { changeJobStatusAction, type JobCommandState } from '@/app/(app)/jobs/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { JobStatus } from '@/db/schema';
import { statusActionLabel } from './labels';

/**
 * One tap per allowed status change (Start, Waiting for parts, Resume, Complete, Reopen); cancelling asks for
 * a reason in a confirmation dialog. The data layer decides what is allowed; this only offers it.
 */
export function StatusActions({
  jobId,
  number,
  status,
  nextStatuses,
  allowCancel = true,
}: {
  jobId: string;
  number: string;
  status: JobStatus;
  nextStatuses: JobStatus[];
  allowCancel?: boolean;
}) {
  const [state, formAction] = useActionState<JobCommandState, FormData>(
    changeJobStatusAction.bind(null, jobId),
    undefined,
  );
  const taps = nextStatuses.filter((to) => to !== 'cancelled');
  const canCancel = allowCancel && nextStatuses.includes('cancelled');
  if (taps.length === 0 && !canCancel) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {taps.map((to) => (
          <form key={to} action={formAction}>
            <input type="hidden" name="status" value={to} />
            <SubmitButton
              size="lg"
              variant={to === 'waiting_for_parts' ? 'secondary' : 'primary'}
              pendingLabel="Saving…"
            >
              {statusActionLabel(status, to)}
            </SubmitButton>
          </form>
        ))}
        {canCancel ? (
          <ConfirmDialog
            trigger="Cancel job"
            title={`Cancel ${number}?`}
            description="A cancelled job cannot be reopened. Say why, for the record."
            confirmLabel="Cancel job"
            action={formAction}
          >
            <input type="hidden" name="status" value="cancelled" />
            <div className="space-y-1">
              <label htmlFor={`cancel-reason-${jobId}`} className="block text-sm font-medium text-slate-700">
                Reason
              </label>
              <textarea
                id={`cancel-reason-${jobId}`}
                name="reason"
                required
                maxLength={1000}
                rows={3}
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base"
              />
            </div>
          </ConfirmDialog>
        ) : null}
      </div>
      <FormMessage state={state} />
    </div>
  );
}
