import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate } from '@/components/format';
import { editorLinesOf } from '@/components/estimates/editor-lines';
import { approvedLinesForInvoice } from '@/db/estimates';
import { editorPricing } from '@/components/invoices/editor-pricing';
import { InvoiceLineEditor } from '@/components/invoices/invoice-line-editor';
import { orNotFound } from '@/components/ui/or-not-found';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { jobStatusWords } from '@/db/core/labels';
import { getInvoiceableJob } from '@/db/invoices';
import { getJob } from '@/db/jobs';
import { getInvoiceStartingParts } from '@/db/parts';
import { requireAdminPage } from '@/app/_lib/session';
import { getShopSettings } from '@/db/settings';

export const metadata: Metadata = { title: 'New invoice' };

export default async function NewInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminPage();
  const { id } = await params;
  const [job, settings, approvedLines, startingParts, technicians] = await Promise.all([
    orNotFound(getInvoiceableJob(actor, id)),
    getShopSettings(actor),
    approvedLinesForInvoice(actor, id),
    getInvoiceStartingParts(actor, id),
    getJob(actor, id).then(
      (found) => found.assignees,
      () => [],
    ),
  ]);
  const vehicle = [job.vehicle.year, job.vehicle.make, job.vehicle.model].filter(Boolean).join(' ');

  return (
    <>
      <PageHeader title={`New invoice for ${job.number}`}>
        <span>
          {job.title} · {job.customer.company ?? job.customer.name} · {vehicle}
          {job.vehicle.plate ? ` (${job.vehicle.plate})` : ''}
          {job.completedAt ? ` · completed ${formatDate(job.completedAt, settings.locale)}` : ''} ·{' '}
          <Link href={`/jobs/${job.id}`} className="text-brand-700 underline">
            Job card
          </Link>
        </span>
      </PageHeader>

      {job.liveInvoice ? (
        <Alert tone="warning">
          This job already has an invoice:{' '}
          <Link href={`/invoices/${job.liveInvoice.id}`} className="font-medium underline">
            {job.liveInvoice.number}
          </Link>
          . Void it first to issue a new one.
        </Alert>
      ) : job.status !== 'completed' ? (
        <Alert tone="warning">Only a completed job can be invoiced. This job is {jobStatusWords[job.status]}.</Alert>
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-600">
            Labor is hours × rate (default rate prefilled). Tax per line kind: labor{' '}
            {settings.laborTaxBasisPoints / 100}%, parts {settings.partTaxBasisPoints / 100}%, fees{' '}
            {settings.feeTaxBasisPoints / 100}% (
            <Link href="/settings" className="text-brand-700 underline">
              shop settings
            </Link>
            ). Once issued, an invoice cannot be changed, only voided.
          </p>
          <InvoiceLineEditor
            jobId={job.id}
            jobTitle={job.title}
            {...editorPricing(settings)}
            initialLines={approvedLines ? editorLinesOf(approvedLines) : undefined}
            startingParts={startingParts}
            technicians={technicians}
          />
        </>
      )}
    </>
  );
}
