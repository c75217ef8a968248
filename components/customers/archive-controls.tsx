'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/app/_lib/action';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormMessage } from '@/components/ui/form-message';

/** Archive (asks to confirm) or unarchive a customer or vehicle; admins only see it. */
export function ArchiveControls({
  archived,
  noun,
  description,
  archiveAction,
  unarchiveAction,
}: {
  archived: boolean;
  noun: 'customer' | 'vehicle';
  description: string;
  archiveAction: () => Promise<ActionResult<unknown>>;
  unarchiveAction: () => Promise<ActionResult<unknown>>;
}) {
  const [result, setResult] = useState<ActionResult<unknown> | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  return (
    <>
      {archived ? (
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => startTransition(async () => setResult(await unarchiveAction()))}
        >
          {pending ? 'Unarchiving…' : 'Unarchive'}
        </Button>
      ) : (
        <ConfirmDialog
          trigger="Archive"
          title={`Archive this ${noun}?`}
          description={description}
          confirmLabel={`Archive ${noun}`}
          action={async () => setResult(await archiveAction())}
        />
      )}
      <FormMessage state={result} />
    </>
  );
}
