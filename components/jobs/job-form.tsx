'use client';

import { useActionState } from 'react';
import { createJobAction, updateJobAction, type JobFormState } from '@/app/(app)/jobs/actions';
import { optionsOf, SelectField, TextAreaField, TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { jobPriorityLabels } from '@/db/core/labels';
import type { JobPriority } from '@/db/schema';

export type JobFormValues = {
  title: string;
  description: string;
  priority: JobPriority;
  promisedAt: string;
  odometerIn: string;
};

const priorityOptions = optionsOf(jobPriorityLabels);

/**
 * The job card's details: a new job for a vehicle (`vehicleId`), or the edit form of an existing one (`jobId` +
 * `version`, sent back so a save over someone else's change is refused).
 */
export function JobForm({
  vehicleId,
  jobId,
  version,
  initial,
  lastOdometer,
  disabled = false,
}: {
  vehicleId?: string;
  jobId?: string;
  version?: number;
  initial?: JobFormValues;
  lastOdometer: number | null;
  disabled?: boolean;
}) {
  const action = jobId ? updateJobAction.bind(null, jobId) : createJobAction;
  const [state, formAction] = useActionState<JobFormState, FormData>(action, undefined);
  const failed = state && !state.ok;
  const values: Partial<Record<keyof JobFormValues | 'confirmLowerOdometer', string>> = failed
    ? (state.values ?? {})
    : (initial ?? {});
  const errors = failed ? state.fieldErrors : {};
  const askConfirm = Boolean(errors.confirmLowerOdometer) || (failed && values.confirmLowerOdometer !== undefined);
  return (
    // A successful save bumps the version: a fresh form then carries the new one.
    <form key={version ?? 'new'} action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {vehicleId ? <input type="hidden" name="vehicleId" value={vehicleId} /> : null}
      {version !== undefined ? (
        <input type="hidden" name="version" value={failed ? (state.values?.version ?? version) : version} />
      ) : null}
      <TextField
        label="Complaint (title)"
        name="title"
        required
        maxLength={200}
        defaultValue={values.title}
        errors={errors.title}
        disabled={disabled}
        autoComplete="off"
      />
      <TextAreaField
        label="Description"
        name="description"
        maxLength={5000}
        defaultValue={values.description}
        errors={errors.description}
        disabled={disabled}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Odometer in"
          name="odometerIn"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          defaultValue={values.odometerIn}
          errors={errors.odometerIn}
          disabled={disabled}
          hint={lastOdometer !== null ? `Last reading: ${lastOdometer.toLocaleString('en-US')}` : undefined}
        />
        <SelectField
          // A select keeps the option it was first rendered with when the form resets: remount it on a kept value.
          key={`priority-${values.priority ?? 'normal'}`}
          label="Priority"
          name="priority"
          options={priorityOptions}
          defaultValue={values.priority ?? 'normal'}
          errors={errors.priority}
          disabled={disabled}
        />
        <TextField
          label="Promised date"
          name="promisedAt"
          type="date"
          defaultValue={values.promisedAt}
          errors={errors.promisedAt}
          disabled={disabled}
        />
      </div>
      {askConfirm ? (
        <label className="flex min-h-12 items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 text-sm text-amber-900">
          <input
            type="checkbox"
            name="confirmLowerOdometer"
            className="size-5"
            defaultChecked={values.confirmLowerOdometer !== undefined}
          />
          Confirm lower odometer
        </label>
      ) : null}
      {disabled ? null : <SubmitButton pendingLabel="Saving…">{jobId ? 'Save changes' : 'Create job'}</SubmitButton>}
    </form>
  );
}
