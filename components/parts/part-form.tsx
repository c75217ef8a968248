'use client';

import { useActionState } from 'react';
import { savePartAction } from '@/app/(app)/parts/actions';
import { fieldErrorsOf, type FormState } from '@/app/_lib/form-state';
import { SelectField, TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

export type PartFormValues = Record<string, string>;

/** A catalogue part: SKU, name, brand, cost and price (decimals), bin, reorder point, default vendor. */
export function PartForm({
  partId,
  initial,
  vendors,
}: {
  partId: string | null;
  initial: PartFormValues;
  vendors: { id: string; name: string }[];
}) {
  const [state, formAction] = useActionState<FormState, FormData>(savePartAction.bind(null, partId), undefined);
  const values = { ...initial, ...(state?.values ?? {}) };
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', errors: fieldErrorsOf(state, name) });
  return (
    <form
      action={formAction}
      className="grid max-w-2xl gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
    >
      <FormMessage state={state} />
      <TextField label="SKU" required {...field('sku')} />
      <TextField label="Name" required {...field('name')} />
      <TextField label="Brand" {...field('brand')} />
      <TextField label="Bin" {...field('bin')} />
      <TextField label="Unit cost" inputMode="decimal" {...field('unitCost')} />
      <TextField label="Unit price" inputMode="decimal" {...field('unitPrice')} />
      <TextField label="Reorder point" inputMode="decimal" {...field('reorderPoint')} />
      <SelectField
        label="Default vendor"
        {...field('vendorId')}
        options={[{ value: '', label: 'No default vendor' }, ...vendors.map((v) => ({ value: v.id, label: v.name }))]}
      />
      <div className="sm:col-span-2">
        <SubmitButton>Save part</SubmitButton>
      </div>
    </form>
  );
}
