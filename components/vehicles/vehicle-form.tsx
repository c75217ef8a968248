'use client';

import Link from 'next/link';
import { useActionState } from 'react';

import { fieldErrorsOf, type FormState } from '@/app/_lib/form-state';

import { Alert } from '@/components/ui/alert';

import { bindFields, TextField } from '@/components/ui/fields';

import { FormMessage } from '@/components/ui/form-message';

import { SaveOrCancel } from '@/components/ui/record-form';

export type VehicleFormValues = {
  customerId: string;
  vin: string;
  plate: string;
  make: string;
  model: string;
  year: string;
  color: string;
  odometer: string;
};

/**
 * Register or edit a vehicle. A wrong VIN check digit comes back as a warning on the VIN with an
 * "Accept VIN warning" checkbox; a VIN already on another vehicle links to that vehicle.
 */
export function VehicleForm({
  action,
  initial,
  cancelHref,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Partial<VehicleFormValues> & { customerId: string };
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const values: Partial<VehicleFormValues> & { acceptVinWarning?: string } = { ...initial, ...(state?.values ?? {}) };
  const errors = (name: string) => fieldErrorsOf(state, name);
  const field = bindFields(values, errors);
  const vinWarning = errors('acceptVinWarning');
  const existingVehicleId = errors('existingVehicleId')?.[0];
  const showAccept = Boolean(vinWarning) || values.acceptVinWarning === 'on';
  const nextYear = new Date().getFullYear() + 1;
  return (
    <form action={formAction} noValidate className="max-w-2xl space-y-4">
      {vinWarning ? (
        <Alert tone="warning">Check the VIN below, or tick “Accept VIN warning” to save it as it is.</Alert>
      ) : (
        <FormMessage state={state} />
      )}
      {errors('customerId') ? <Alert tone="error">{errors('customerId')!.join(' ')}</Alert> : null}
      <input type="hidden" name="customerId" value={values.customerId} />
      <div className="space-y-2">
        <TextField
          label="VIN"
          {...field('vin')}
          autoComplete="off"
          spellCheck={false}
          hint="17 characters (no I, O or Q). Older or shorter chassis numbers are fine."
        />
        {existingVehicleId ? (
          <p className="text-sm">
            <Link href={`/vehicles/${existingVehicleId}`} className="font-medium text-brand-600 underline">
              Open the vehicle with this VIN
            </Link>
          </p>
        ) : null}
        {showAccept ? (
          <label className="flex items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <input
              type="checkbox"
              name="acceptVinWarning"
              defaultChecked={values.acceptVinWarning === 'on'}
              className="size-4"
            />
            Accept VIN warning
          </label>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Plate" name="plate" autoComplete="off" defaultValue={values.plate} errors={errors('plate')} />
        <TextField label="Make" {...field('make')} required autoComplete="off" />
        <TextField label="Model" {...field('model')} required autoComplete="off" />
        <TextField label="Year" {...field('year')} type="number" inputMode="numeric" min={1900} max={nextYear} />
        <TextField label="Color" name="color" autoComplete="off" defaultValue={values.color} errors={errors('color')} />
        <TextField label="Odometer" {...field('odometer')} type="number" inputMode="numeric" min={0} />
      </div>
      <SaveOrCancel label="Save vehicle" cancelHref={cancelHref} />
    </form>
  );
}
