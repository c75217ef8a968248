'use client';

import { useActionState } from 'react';
import { recordPaymentAction, type InvoiceFormState } from '@/app/(app)/invoices/[id]/actions';
import { controlClasses, Options, optionsOf, TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { paymentMethodLabels } from '@/db/core/labels';

const methodOptions = optionsOf(paymentMethodLabels);

/** Amount (a decimal in the shop currency, the open balance by default), method and date of a payment. */
export function RecordPaymentForm({
  invoiceId,
  balance,
  currency,
  today,
}: {
  invoiceId: string;
  /** The open balance as a decimal ("68.25"). */
  balance: string;
  currency: string;
  /** YYYY-MM-DD */
  today: string;
}) {
  const [state, formAction] = useActionState<InvoiceFormState, FormData>(
    recordPaymentAction.bind(null, invoiceId),
    undefined,
  );
  const values = state?.values ?? {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  const methodErrors = errors.method;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Record payment">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={`Amount (${currency})`}
          name="amount"
          inputMode="decimal"
          required
          defaultValue={values.amount ?? balance}
          errors={errors.amount ?? errors.amountCents}
          hint={`Open balance: ${balance}`}
        />
        <div className="space-y-1">
          <label htmlFor="field-method" className="block text-sm font-medium text-slate-700">
            Method
          </label>
          <select
            // A select keeps its first default through React's form reset; a new key re-applies the typed value.
            key={`method-${values.method ?? 'default'}`}
            id="field-method"
            name="method"
            defaultValue={values.method ?? 'cash'}
            aria-invalid={Boolean(methodErrors)}
            className={controlClasses}
          >
            <Options options={methodOptions} />
          </select>
          {methodErrors ? <p className="text-sm text-red-600">{methodErrors.join(' ')}</p> : null}
        </div>
        <TextField
          label="Date"
          name="receivedAt"
          type="date"
          required
          max={today}
          defaultValue={values.receivedAt ?? today}
          errors={errors.receivedAt}
        />
      </div>
      <SubmitButton pendingLabel="Recording…">Record payment</SubmitButton>
    </form>
  );
}
