'use client';

import { useActionState } from 'react';
import { receivePurchaseOrderAction } from '@/app/(app)/purchase-orders/actions';
import { fieldErrorsOf, type FormState } from '@/app/_lib/form-state';
import { TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { PurchaseOrderLineDto } from '@/db/parts';

/** The shop tablet's delivery check: the received quantity per line (the outstanding one by default), one Save. */
export function ReceiveForm({ orderId, lines }: { orderId: string; lines: PurchaseOrderLineDto[] }) {
  const [state, formAction] = useActionState<FormState, FormData>(
    receivePurchaseOrderAction.bind(null, orderId),
    undefined,
  );
  const open = lines.filter((line) => line.outstanding !== '0.00');
  if (open.length === 0) return null;
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">Receive delivery</h2>
      <FormMessage state={state} />
      {open.map((line, index) => (
        <div key={line.id} className="flex flex-wrap items-end gap-4 border-t border-slate-100 pt-3">
          <input type="hidden" name={`lines.${index}.lineId`} value={line.id} />
          <div className="min-w-48 flex-1">
            <div className="font-medium">{line.description}</div>
            <div className="text-sm text-slate-600">
              Ordered {line.quantity}, received {line.received}, outstanding {line.outstanding}
            </div>
          </div>
          <TextField
            label={`Received now: ${line.description}`}
            name={`lines.${index}.quantity`}
            inputMode="decimal"
            className="min-h-12 text-lg"
            defaultValue={state?.values?.[`lines.${index}.quantity`] ?? line.outstanding}
            errors={fieldErrorsOf(state, `lines.${index}.quantity`)}
          />
        </div>
      ))}
      <SubmitButton size="lg">Save received quantities</SubmitButton>
    </form>
  );
}
