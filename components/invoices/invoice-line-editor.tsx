'use client';

import { startTransition, useActionState, useState } from 'react';
import { issueInvoiceAction } from '@/app/(app)/jobs/[id]/invoice/actions';
import type { FormState } from '@/app/_lib/form-state';
import { centsToDecimal, formatMoney, type Locale } from '@/components/format';
import { Button } from '@/components/ui/button';
import { controlClasses, Options, optionsOf } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { LineField, TotalsPreview } from './line-editor-fields';
import { lineKindLabels } from '@/db/core/labels';
import { lineTotalCents, priceLines, quantityToHundredths, taxCents } from '@/db/money';
import type { InvoiceLineKind } from '@/db/schema';

type Row = {
  key: number;
  kind: InvoiceLineKind;
  description: string;
  quantity: string;
  unitPrice: string;
  partId?: string | null;
  technicianId?: string | null;
};
/** A starting line (an estimate's, or the approved lines of one): the unit price as a decimal ("120.00"). */
export type EditorLine = Omit<Row, 'key'>;
type LinesAction = (state: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>>;

/** A job's installed part, as the editor starts with it (after the labor line). */
export type StartingPart = { partId: string | null; description: string; quantity: string; unitPriceCents: number };

export type TaxRates = Record<InvoiceLineKind, number>;

const kindOptions = optionsOf(lineKindLabels);

/** A line's typed fields after its kind: description, quantity and unit price (labels by kind). */
const lineTextFields: {
  name: 'description' | 'quantity' | 'unitPrice';
  label: (kind: InvoiceLineKind) => string;
  maxLength?: number;
  inputMode?: 'decimal';
  placeholder?: string;
}[] = [
  { name: 'description', label: () => 'Description', maxLength: 500 },
  { name: 'quantity', label: (kind) => (kind === 'labor' ? 'Quantity (hours)' : 'Quantity'), inputMode: 'decimal' },
  {
    name: 'unitPrice',
    label: (kind) => (kind === 'labor' ? 'Unit price (hourly rate)' : 'Unit price'),
    inputMode: 'decimal',
    placeholder: '0.00',
  },
];

/** "120.5" → 12050 for the preview only; the server parses and prices again. */
function previewCents(text: string): number | null {
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null;
}

/**
 * The lines of a new invoice, or of an estimate (the same editor: `action`, `initialLines`, the labels and the
 * extra fields in `children`): add and remove rows, pick the kind, type description, quantity and unit price (a
 * decimal in the shop currency). Totals here are a preview; the server computes the real ones.
 */
export function InvoiceLineEditor({
  jobId,
  jobTitle,
  laborRateCents,
  taxRates,
  money,
  action,
  initialLines,
  submitLabel = 'Issue invoice',
  pendingLabel = 'Issuing…',
  children,
  startingParts = [],
  technicians = [],
}: {
  /** Who a labor line may name: the job's assignees. */
  technicians?: { id: string; name: string }[];
  startingParts?: StartingPart[];
  jobId: string;
  jobTitle: string;
  laborRateCents: number;
  taxRates: TaxRates;
  money: Locale;
  /** The form's server action (a bound one); issuing the job's invoice when left out. */
  action?: LinesAction;
  initialLines?: EditorLine[];
  submitLabel?: string;
  pendingLabel?: string;
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState<FormState<unknown>, FormData>(
    action ?? (issueInvoiceAction.bind(null, jobId) as LinesAction),
    undefined,
  );
  const laborRate = centsToDecimal(laborRateCents);
  // The approved estimate's lines (or one labor line at the shop rate), then the job's installed parts; with
  // installed parts, the estimate's own part lines give way to them (the parts that were really fitted).
  const partRows: EditorLine[] = startingParts.map((part) => ({
    kind: 'part',
    description: part.description,
    quantity: part.quantity,
    unitPrice: centsToDecimal(part.unitPriceCents),
    partId: part.partId,
  }));
  const lead: EditorLine[] = initialLines?.length
    ? initialLines.filter((line) => partRows.length === 0 || line.kind !== 'part')
    : [{ kind: 'labor', description: `Labor: ${jobTitle}`, quantity: '1', unitPrice: laborRate }];
  const starting = [...lead, ...partRows];
  const [nextKey, setNextKey] = useState(starting.length + 1);
  const [rows, setRows] = useState<Row[]>(starting.map((line, index) => ({ ...line, key: index + 1 })));
  const errors = state && !state.ok ? state.fieldErrors : {};
  const technicianOptions = technicians.map((person) => ({ value: person.id, label: person.name }));

  const update = (key: number, change: Partial<Row>) =>
    setRows((current) =>
      current.map((row) => {
        if (row.key !== key) return row;
        const next = { ...row, ...change };
        // Switching a row to labor with no price yet prefills the shop's labor rate.
        if (change.kind === 'labor' && row.unitPrice.trim() === '') next.unitPrice = laborRate;
        return next;
      }),
    );
  const addRow = (kind: InvoiceLineKind) => {
    setRows((current) => [
      ...current,
      { key: nextKey, kind, description: '', quantity: '1', unitPrice: kind === 'labor' ? laborRate : '' },
    ]);
    setNextKey((key) => key + 1);
  };
  const removeRow = (key: number) => setRows((current) => current.filter((row) => row.key !== key));

  const previewLines = rows.map((row) => {
    const hundredths = quantityToHundredths(row.quantity);
    const unit = previewCents(row.unitPrice);
    if (hundredths === null || unit === null) return null;
    const total = lineTotalCents(hundredths, unit);
    return { total, tax: taxCents(total, taxRates[row.kind]) };
  });
  const totals = priceLines(
    rows.flatMap((row) => {
      const hundredths = quantityToHundredths(row.quantity);
      const unit = previewCents(row.unitPrice);
      return hundredths === null || unit === null
        ? []
        : [{ quantityHundredths: hundredths, unitPriceCents: unit, taxBasisPoints: taxRates[row.kind] }];
    }),
  );

  return (
    <form
      // Submitted by hand rather than through `action`: React resets a form after its action, which would throw
      // away the rows' kinds on a refusal. The rows live in state, so nothing typed is lost.
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => formAction(formData));
      }}
      className="space-y-4"
      noValidate
      aria-busy={pending}
    >
      <FormMessage state={state} />
      {errors.lines ? (
        <p className="text-sm text-red-600" role="alert">
          {errors.lines.join(' ')}
        </p>
      ) : null}
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const field = (name: string) => `lines.${index}.${name}`;
          const id = (name: string) => `line-${row.key}-${name}`;
          const fieldErrors = (name: string) =>
            errors[field(name)] ?? (name === 'unitPrice' ? errors[field('unitPriceCents')] : undefined);
          const preview = previewLines[index];
          return (
            <li key={row.key} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="invoice-line">
              {row.partId && row.kind === 'part' ? (
                <input type="hidden" name={field('partId')} value={row.partId} />
              ) : null}
              <div className="grid grid-cols-[8rem_minmax(0,1fr)_6rem_8rem] gap-3">
                <LineField label="Kind" id={id('kind')} errors={fieldErrors('kind')}>
                  <select
                    id={id('kind')}
                    name={field('kind')}
                    value={row.kind}
                    onChange={(event) => update(row.key, { kind: event.target.value as InvoiceLineKind })}
                    className={controlClasses}
                  >
                    <Options options={kindOptions} />
                  </select>
                </LineField>
                {lineTextFields.map(({ name, label, ...control }) => (
                  <LineField key={name} label={label(row.kind)} id={id(name)} errors={fieldErrors(name)}>
                    <input
                      id={id(name)}
                      name={field(name)}
                      value={row[name]}
                      {...control}
                      onChange={(event) => update(row.key, { [name]: event.target.value })}
                      aria-invalid={Boolean(fieldErrors(name))}
                      className={controlClasses}
                    />
                  </LineField>
                ))}
              </div>
              {row.kind === 'labor' && technicians.length > 0 ? (
                <div className="mt-2 max-w-xs">
                  <LineField label="Technician" id={id('technicianId')} errors={fieldErrors('technicianId')}>
                    <select
                      id={id('technicianId')}
                      name={field('technicianId')}
                      value={row.technicianId ?? ''}
                      onChange={(event) => update(row.key, { technicianId: event.target.value || null })}
                      className={controlClasses}
                    >
                      <option value="">Nobody (split among the job’s technicians)</option>
                      <Options options={technicianOptions} />
                    </select>
                  </LineField>
                </div>
              ) : null}
              <div className="mt-2 flex items-center justify-between text-sm text-slate-600">
                <span>
                  {preview
                    ? `Line ${formatMoney(preview.total, money)} · tax ${(taxRates[row.kind] / 100).toString()}% ${formatMoney(preview.tax, money)}`
                    : 'Enter quantity and price'}
                </span>
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => removeRow(row.key)}
                  disabled={rows.length === 1}
                  aria-label={`Remove line ${index + 1}`}
                >
                  Remove
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => addRow('labor')}>
          Add labor
        </Button>
        <Button type="button" variant="secondary" onClick={() => addRow('part')}>
          Add part
        </Button>
        <Button type="button" variant="secondary" onClick={() => addRow('fee')}>
          Add fee
        </Button>
      </div>
      <TotalsPreview totals={totals} money={money} />
      {children}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
