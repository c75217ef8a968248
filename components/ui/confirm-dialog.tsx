'use client';

import { AlertDialog } from 'radix-ui';
import { useState, type ReactNode } from 'react';
import { Button } from './button';

/**
 * For destructive-looking actions (cancel, archive, void, deactivate): the trigger opens a dialog and only
 * its confirm button submits. `children` are extra form fields shown in the dialog (a reason, say).
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  action,
  children,
  variant = 'danger',
}: {
  trigger: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  action: (formData: FormData) => void | Promise<void>;
  children?: ReactNode;
  variant?: 'danger' | 'primary';
}) {
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Trigger asChild>
        <Button variant={variant === 'danger' ? 'secondary' : 'primary'} type="button">
          {trigger}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(90vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">{description}</AlertDialog.Description>
          <form
            action={async (formData) => {
              await action(formData);
              setOpen(false);
            }}
            className="mt-4 space-y-4"
          >
            {children}
            <div className="flex justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button type="button" variant="secondary">
                  Keep
                </Button>
              </AlertDialog.Cancel>
              <Button type="submit" variant={variant}>
                {confirmLabel}
              </Button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
