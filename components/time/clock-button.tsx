'use client';

import { useActionState } from 'react';
import { startClockAction, stopClockAction, type ClockState } from '@/app/(app)/time/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { RunningTimer } from './running-timer';

/**
 * The one-tap clock of a job card: **Start clock** (stopping the technician's clock elsewhere), or the running
 * timer and **Stop clock**. `compact` is the shell's version.
 */
export function ClockButton({
  jobId,
  runningSince,
  compact = false,
  userId,
}: {
  jobId: string;
  /** An admin clocking someone else: the technician. */
  userId?: string;
  /** The server's start time (ISO) of the caller's clock on this job, or null. */
  runningSince: string | null;
  compact?: boolean;
}) {
  const action = runningSince ? stopClockAction.bind(null, jobId) : startClockAction.bind(null, jobId);
  const [state, formAction] = useActionState<ClockState, FormData>(action, undefined);
  return (
    <div className={compact ? 'flex items-center gap-2' : 'space-y-2'}>
      <form action={formAction} className="flex flex-wrap items-center gap-3">
        {userId ? <input type="hidden" name="userId" value={userId} /> : null}
        {runningSince ? (
          <RunningTimer startedAt={runningSince} className={compact ? 'text-sm' : 'text-2xl font-semibold'} />
        ) : null}
        <SubmitButton
          size={compact ? 'md' : 'lg'}
          variant={runningSince ? 'danger' : 'primary'}
          pendingLabel={runningSince ? 'Stopping…' : 'Starting…'}
          className={compact ? 'min-h-11' : 'min-h-14 min-w-40 text-lg'}
        >
          {runningSince ? (compact ? 'Stop' : 'Stop clock') : 'Start clock'}
        </SubmitButton>
      </form>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </div>
  );
}
