'use client';

import { useActionState } from 'react';
import { updatePurchaseOrderAction } from '@/app/(app)/purchase-orders/actions';
import { fieldErrorsOf, type FormState } from '@/app/_lib/form-state';
import { TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/** A draft's expected delivery date (the Parts ETA a waiting job shows) and notes. */
export function ExpectedDateForm({
  orderId,
  expectedAt,
  notes,
}: {
  orderId: string;
  expectedAt: string;
  notes: string;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(
    updatePurchaseOrderAction.bind(null, orderId),
    undefined,
  );
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <TextField
        label="Expected delivery"
        name="expectedAt"
        type="date"
        defaultValue={state?.values?.expectedAt ?? expectedAt}
        errors={fieldErrorsOf(state, 'expectedAt')}
      />
      <TextField
        label="Notes"
        name="notes"
        defaultValue={state?.values?.notes ?? notes}
        errors={fieldErrorsOf(state, 'notes')}
      />
      <SubmitButton>Save</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
