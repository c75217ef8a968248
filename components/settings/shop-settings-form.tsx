'use client';

import { useActionState, type ReactNode } from 'react';
import { saveShopSettingsAction, type SettingsFormState } from '@/app/(app)/settings/actions';
import { controlClasses, TextAreaField, TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ShopSettingsDto } from '@/db/settings';

const percent = (basisPoints: number) => String(basisPoints / 100);
const amount = (cents: number) => (cents / 100).toFixed(2);

/** One tax rate per invoice line kind: the form's percentage field and the stored basis points it becomes. */
const taxRateFields = [
  { label: 'Labor tax rate (%)', name: 'laborTaxPercent', stored: 'laborTaxBasisPoints' },
  { label: 'Parts tax rate (%)', name: 'partTaxPercent', stored: 'partTaxBasisPoints' },
  { label: 'Fees tax rate (%)', name: 'feeTaxPercent', stored: 'feeTaxBasisPoints' },
] as const;

/** The estimates' whole-number settings, stored as typed. */
const estimateNumberFields = [
  {
    label: 'Estimate valid for (days)',
    name: 'estimateValidDays',
    hint: 'How long an approval link works: 1 to 365 days.',
  },
  {
    label: 'Approval tolerance (%)',
    name: 'approvalTolerancePercent',
    hint: 'How far an invoice may exceed the approved total: 0 to 100.',
  },
] as const;

/** A titled part of the form. */
function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

type NumberField = { label: string; name: string; defaultValue: string; errors?: string[]; hint?: string };

/** Required number fields side by side. */
function NumberFields({
  fields,
  inputMode,
  className,
}: {
  fields: NumberField[];
  inputMode: 'decimal' | 'numeric';
  className: string;
}) {
  return (
    <div className={className}>
      {fields.map(({ label, name, defaultValue, errors, hint }) => (
        <TextField
          key={name}
          label={label}
          name={name}
          inputMode={inputMode}
          required
          defaultValue={defaultValue}
          errors={errors}
          hint={hint}
        />
      ))}
    </div>
  );
}

/**
 * Shop name, address, phone, currency, locale, default labor rate, the tax rate of each invoice line kind, and the
 * estimates' link validity, approval tolerance and terms.
 */
export function ShopSettingsForm({ settings }: { settings: ShopSettingsDto }) {
  const [state, formAction] = useActionState<SettingsFormState, FormData>(saveShopSettingsAction, undefined);
  const saved = state?.ok ? state.data : settings;
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  const value = (name: string, fallback: string) => values[name] ?? fallback;
  return (
    <form
      action={formAction}
      className="max-w-2xl space-y-6 rounded-lg border border-slate-200 bg-white p-6"
      noValidate
    >
      <FormMessage state={state} />
      <Fieldset legend="Shop">
        <TextField
          label="Shop name"
          name="shopName"
          required
          maxLength={120}
          defaultValue={value('shopName', saved.shopName)}
          errors={errors.shopName}
        />
        <div className="space-y-1">
          <label htmlFor="field-address" className="block text-sm font-medium text-slate-700">
            Address
          </label>
          <textarea
            id="field-address"
            name="address"
            rows={3}
            maxLength={500}
            defaultValue={value('address', saved.address ?? '')}
            aria-invalid={Boolean(errors.address)}
            className={controlClasses}
          />
          {errors.address ? <p className="text-sm text-red-600">{errors.address.join(' ')}</p> : null}
        </div>
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          maxLength={40}
          autoComplete="tel"
          defaultValue={value('phone', saved.phone ?? '')}
          errors={errors.phone}
          hint="Shown on estimates and on the customer's approval page."
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Currency"
            name="currency"
            required
            maxLength={3}
            autoCapitalize="characters"
            defaultValue={value('currency', saved.currency)}
            errors={errors.currency}
            hint="3-letter code: USD, EUR, GBP…"
          />
          <TextField
            label="Locale"
            name="locale"
            required
            defaultValue={value('locale', saved.locale)}
            errors={errors.locale}
            hint="For dates and amounts: en-US, en-GB, de-DE…"
          />
        </div>
      </Fieldset>
      <Fieldset legend="Invoicing">
        <TextField
          label="Default labor rate"
          name="laborRate"
          inputMode="decimal"
          required
          defaultValue={value('laborRate', amount(saved.laborRateCents))}
          errors={errors.laborRate ?? errors.laborRateCents}
          hint="Per hour, in the shop currency; prefilled on labor lines."
        />
        <NumberFields
          className="grid gap-4 sm:grid-cols-3"
          inputMode="decimal"
          fields={taxRateFields.map(({ label, name, stored }) => ({
            label,
            name,
            defaultValue: value(name, percent(saved[stored])),
            errors: errors[name] ?? errors[stored],
          }))}
        />
        <p className="text-xs text-slate-500">
          Percentages with up to two decimals (8.25). Each invoice line is taxed at the rate of its kind.
        </p>
      </Fieldset>
      <Fieldset legend="Estimates">
        <NumberFields
          className="grid gap-4 sm:grid-cols-2"
          inputMode="numeric"
          fields={estimateNumberFields.map((field) => ({
            ...field,
            defaultValue: value(field.name, String(saved[field.name])),
            errors: errors[field.name],
          }))}
        />
        <TextAreaField
          label="Estimate terms"
          name="estimateTerms"
          rows={4}
          maxLength={5000}
          defaultValue={value('estimateTerms', saved.estimateTerms ?? '')}
          errors={errors.estimateTerms}
          hint="Shown to the customer on the approval page and the printed estimate."
        />
      </Fieldset>
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
