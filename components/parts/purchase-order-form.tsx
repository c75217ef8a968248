'use client';

import { createPurchaseOrderAction } from '@/app/(app)/purchase-orders/actions';
import { fieldErrorsOf } from '@/app/_lib/form-state';
import { SelectField, TextAreaField, TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { useSaveForm } from '@/components/ui/record-form';
import { SubmitButton } from '@/components/ui/submit-button';

const ROWS = 6;

/** A new draft: vendor, expected date, notes and up to six lines (a part from the catalogue or free text). */
export function PurchaseOrderForm({
  vendors,
  parts,
}: {
  vendors: { id: string; name: string }[];
  parts: { id: string; sku: string; name: string }[];
}) {
  const { state, formAction, field } = useSaveForm(createPurchaseOrderAction);
  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Vendor"
          {...field('vendorId')}
          blank="Choose a vendor"
          options={vendors.map((v) => ({ value: v.id, label: v.name }))}
        />
        <TextField label="Expected delivery" type="date" {...field('expectedAt')} />
      </div>
      <TextAreaField label="Notes" rows={2} {...field('notes')} />
      {fieldErrorsOf(state, 'lines') ? <p className="text-sm text-red-700">{fieldErrorsOf(state, 'lines')}</p> : null}
      {Array.from({ length: ROWS }, (_, index) => (
        <fieldset key={index} className="grid gap-3 border-t border-slate-100 pt-3 sm:grid-cols-4">
          <legend className="sr-only">Line {index + 1}</legend>
          <SelectField
            label={`Line ${index + 1} part`}
            {...field(`lines.${index}.partId`)}
            blank="Free text item"
            options={parts.map((p) => ({ value: p.id, label: `${p.sku} ${p.name}` }))}
          />
          <TextField label={`Line ${index + 1} description`} {...field(`lines.${index}.description`)} />
          <TextField label={`Line ${index + 1} quantity`} inputMode="decimal" {...field(`lines.${index}.quantity`)} />
          <TextField label={`Line ${index + 1} unit cost`} inputMode="decimal" {...field(`lines.${index}.unitCost`)} />
        </fieldset>
      ))}
      <SubmitButton>Save draft</SubmitButton>
    </form>
  );
}
