import type { Metadata } from 'next';
import Link from 'next/link';
import { editorLinesOf } from '@/components/estimates/editor-lines';
import { editorPricing } from '@/components/invoices/editor-pricing';
import { InvoiceLineEditor } from '@/components/invoices/invoice-line-editor';
import { TextAreaField, TextField } from '@/components/ui/fields';
import { orNotFound } from '@/components/ui/or-not-found';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentEstimate } from '@/db/estimates';
import { getJob } from '@/db/jobs';
import { getShopSettings } from '@/db/settings';
import { requireActor } from '@/app/_lib/session';
import { saveEstimateAction } from './actions';

export const metadata: Metadata = { title: 'Estimate' };

/** Writes a new estimate version, or edits the current draft (the invoice editor's line editor). */
export default async function EstimateEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const job = await orNotFound(getJob(actor, id));
  const [current, settings] = await Promise.all([getCurrentEstimate(actor, id), getShopSettings(actor)]);
  const draft = current?.status === 'draft' ? current : null;
  const startFrom = draft ?? current;
  return (
    <>
      <PageHeader
        title={draft ? `Edit estimate v${draft.version} for ${job.number}` : `New estimate for ${job.number}`}
      >
        <span>
          {job.title} ·{' '}
          <Link href={`/jobs/${job.id}`} className="text-brand-700 underline">
            Job card
          </Link>
        </span>
      </PageHeader>
      {current && !draft ? (
        <p className="mb-4 text-sm text-slate-600">
          Saving writes version {current.version + 1}; version {current.version} is superseded and its link stops
          working.
        </p>
      ) : null}
      <InvoiceLineEditor
        jobId={job.id}
        jobTitle={job.title}
        {...editorPricing(settings)}
        action={saveEstimateAction.bind(null, job.id, draft?.id ?? null)}
        initialLines={startFrom ? editorLinesOf(startFrom.lines) : undefined}
        technicians={job.assignees}
        submitLabel="Save estimate"
        pendingLabel="Saving…"
      >
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
          <TextAreaField label="Notes for the customer" name="notes" defaultValue={startFrom?.notes ?? ''} rows={2} />
          <TextField
            label="Valid for (days)"
            name="validDays"
            inputMode="numeric"
            defaultValue={String(startFrom?.validDays ?? settings.estimateValidDays)}
          />
        </div>
      </InvoiceLineEditor>
    </>
  );
}
