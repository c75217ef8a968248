'use client';

import { useEffect, useState } from 'react';
import type { ActionResult } from '@/app/_lib/action';
import { Alert } from './alert';

/** The form-level outcome of an action: an error summary, or a confirmation toast that fades after a while. */
export function FormMessage({ state }: { state: ActionResult<unknown> | undefined }) {
  const [dismissed, setDismissed] = useState<ActionResult<unknown> | undefined>(undefined);
  useEffect(() => {
    if (!state?.ok) return;
    const timer = setTimeout(() => setDismissed(state), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  if (!state) return null;
  if (!state.ok) return <Alert tone="error">{state.message}</Alert>;
  if (!state.message || dismissed === state) return null;
  return <Toast message={state.message} />;
}

export function Toast({ message }: { message: string }) {
  return (
    <div
      role="status"
      className="fixed right-4 bottom-4 z-50 rounded-md bg-slate-900 px-4 py-3 text-sm text-white shadow-lg"
    >
      {message}
    </div>
  );
}
