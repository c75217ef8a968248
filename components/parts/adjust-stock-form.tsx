'use client';

import { useActionState } from 'react';
import { adjustStockAction } from '@/app/(app)/parts/actions';
import { fieldErrorsOf, type FormState } from '@/app/_lib/form-state';
import { TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/** Admin: a signed quantity ("-2" takes two off the shelf) and the reason. */
export function AdjustStockForm({ partId }: { partId: string }) {
  const [state, formAction] = useActionState<FormState, FormData>(adjustStockAction.bind(null, partId), undefined);
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <TextField
        label="Adjust by"
        name="quantity"
        inputMode="decimal"
        hint="Negative takes stock off the shelf."
        defaultValue={values.quantity ?? ''}
        errors={fieldErrorsOf(state, 'quantity')}
      />
      <TextField
        label="Reason"
        name="reason"
        defaultValue={values.reason ?? ''}
        errors={fieldErrorsOf(state, 'reason')}
      />
      <SubmitButton>Adjust stock</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
