'use client';

import { saveVendorAction } from '@/app/(app)/vendors/actions';
import { TextField } from '@/components/ui/fields';
import { RecordForm, useSaveForm } from '@/components/ui/record-form';

export function VendorForm({ vendorId, initial }: { vendorId: string | null; initial: Record<string, string> }) {
  const { state, formAction, field } = useSaveForm(saveVendorAction.bind(null, vendorId), initial);
  return (
    <RecordForm state={state} action={formAction} submitLabel="Save vendor">
      <TextField label="Name" required {...field('name')} />
      <TextField label="Contact name" {...field('contactName')} />
      <TextField label="Phone" {...field('phone')} />
      <TextField label="Email" type="email" {...field('email')} />
      <TextField label="Account number" {...field('accountNumber')} />
    </RecordForm>
  );
}
