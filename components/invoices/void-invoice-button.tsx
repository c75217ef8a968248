'use client';

import { useActionState } from 'react';
import { voidInvoiceAction, type InvoiceFormState } from '@/app/(app)/invoices/[id]/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TextAreaField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';

/** "Void invoice" behind a confirmation that asks for the reason. */
export function VoidInvoiceButton({ invoiceId, number, paid }: { invoiceId: string; number: string; paid: boolean }) {
  const [state, formAction] = useActionState<InvoiceFormState, FormData>(
    voidInvoiceAction.bind(null, invoiceId),
    undefined,
  );
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger="Void invoice"
        title={`Void invoice ${number}?`}
        description={
          <>
            A void invoice stays on record with its number, which is never reused; the job can then be invoiced again.
            {paid ? ' Payments already recorded stay on the void invoice.' : ''}
          </>
        }
        confirmLabel="Void invoice"
        action={formAction}
      >
        <TextAreaField
          label="Reason"
          name="reason"
          id="field-void-reason"
          required
          maxLength={1000}
          defaultValue={state?.values?.reason}
        />
      </ConfirmDialog>
      <FormMessage state={state} />
      {errors.reason ? <p className="text-sm text-red-600">{errors.reason.join(' ')}</p> : null}
    </div>
  );
}
