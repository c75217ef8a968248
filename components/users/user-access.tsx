'use client';

import { useActionState } from 'react';
import {
  deactivateUserAction,
  endUserSessionsAction,
  reactivateUserAction,
  type UserCommandState,
} from '@/app/(app)/users/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { UserDto } from '@/db/users';

/** Deactivate / Reactivate and End all sessions, with their outcome (a refusal such as the last-admin rule, or a toast). */
export function UserAccess({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const [deactivateState, deactivate] = useActionState<UserCommandState, FormData>(
    deactivateUserAction.bind(null, user.id),
    undefined,
  );
  const [reactivateState, reactivate] = useActionState<UserCommandState, FormData>(
    reactivateUserAction.bind(null, user.id),
    undefined,
  );
  const [sessionsState, endSessions] = useActionState<UserCommandState, FormData>(
    endUserSessionsAction.bind(null, user.id),
    undefined,
  );
  return (
    <div className="space-y-4">
      <FormMessage state={deactivateState} />
      <FormMessage state={reactivateState} />
      <FormMessage state={sessionsState} />
      <div className="flex flex-wrap items-center gap-3">
        {user.active ? (
          isSelf ? (
            <p className="text-sm text-slate-600">You cannot deactivate your own account.</p>
          ) : (
            <ConfirmDialog
              trigger="Deactivate"
              title={`Deactivate ${user.name}?`}
              description="They can no longer sign in, and every session they have open ends now. You can reactivate them later."
              confirmLabel="Deactivate"
              action={deactivate}
            />
          )
        ) : (
          <form action={reactivate}>
            <SubmitButton variant="secondary" pendingLabel="Reactivating…">
              Reactivate
            </SubmitButton>
          </form>
        )}
        {user.active ? (
          <ConfirmDialog
            trigger="End all sessions"
            title={isSelf ? 'End all your sessions?' : `End all sessions of ${user.name}?`}
            description={
              isSelf
                ? 'You are signed out everywhere, this browser included, and sign in again.'
                : 'They are signed out on every device and tablet and must sign in again.'
            }
            confirmLabel="End all sessions"
            action={endSessions}
          />
        ) : null}
      </div>
    </div>
  );
}
