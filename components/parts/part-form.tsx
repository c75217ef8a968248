'use client';

import { savePartAction } from '@/app/(app)/parts/actions';
import { SelectField, TextField } from '@/components/ui/fields';
import { RecordForm, useSaveForm } from '@/components/ui/record-form';

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
  const { state, formAction, field } = useSaveForm(savePartAction.bind(null, partId), initial);
  return (
    <RecordForm state={state} action={formAction} submitLabel="Save part">
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
        blank="No default vendor"
        options={vendors.map((v) => ({ value: v.id, label: v.name }))}
      />
    </RecordForm>
  );
}
