// Pieces of the line editor (invoice-line-editor.tsx): a line's labelled field and the totals preview.
import { formatMoney, type Locale } from '@/components/format';
import { TotalRow } from '@/components/ui/total-row';

export function LineField({
  label,
  id,
  errors,
  children,
}: {
  label: string;
  id: string;
  errors?: string[];
  children: React.ReactNode;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
      {errors?.length ? <p className="text-sm text-red-600">{errors.join(' ')}</p> : null}
    </div>
  );
}

/** The editor's totals: a preview (the server prices the lines again). */
export function TotalsPreview({
  totals,
  money,
}: {
  totals: { subtotalCents: number; taxCents: number; totalCents: number };
  money: Locale;
}) {
  return (
    <dl
      className="ml-auto w-full max-w-xs space-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      aria-label="Totals preview"
    >
      <TotalRow label="Subtotal" value={formatMoney(totals.subtotalCents, money)} />
      <TotalRow label="Tax" value={formatMoney(totals.taxCents, money)} />
      <TotalRow
        label="Total"
        value={formatMoney(totals.totalCents, money)}
        className="flex justify-between border-t border-slate-200 pt-1 font-semibold"
        testId="preview-total"
      />
    </dl>
  );
}
