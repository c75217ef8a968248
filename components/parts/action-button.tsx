'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/app/_lib/action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

/** One button for one action (Order, Install, Return, Send to vendor…), with its outcome shown below. */
export function ActionButton({
  label,
  pendingLabel,
  action,
  variant = 'secondary',
}: {
  label: string;
  pendingLabel: string;
  action: () => Promise<ActionResult<unknown>>;
  variant?: 'primary' | 'secondary' | 'danger';
}) {
  const [result, setResult] = useState<ActionResult<unknown> | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        variant={variant}
        disabled={pending}
        onClick={() => startTransition(async () => setResult(await action()))}
      >
        {pending ? pendingLabel : label}
      </Button>
      <FormMessage state={result} />
    </span>
  );
}
