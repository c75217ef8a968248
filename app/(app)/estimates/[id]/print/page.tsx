import type { Metadata } from 'next';
import { TotalRow } from '@/components/ui/total-row';
import { formatDate, formatMoney } from '@/components/format';
import { PrintDocument } from '@/components/invoices/print-document';
import { orNotFound } from '@/components/ui/or-not-found';
import { Table, TableCell, TableHead, TableHeader, TableRow, TableRows } from '@/components/ui/table';
import { estimateStatusLabels, lineKindLabels } from '@/db/core/labels';
import { getEstimate } from '@/db/estimates';
import { getJob } from '@/db/jobs';
import { getShopSettings } from '@/db/settings';
import { requireActor } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'Print estimate' };

const strong = 'flex justify-between font-semibold';

export default async function PrintEstimatePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const estimate = await orNotFound(getEstimate(actor, id));
  const [job, settings] = await Promise.all([orNotFound(getJob(actor, estimate.jobId)), getShopSettings(actor)]);
  const money = { currency: estimate.currency, locale: settings.locale };
  const approved = new Set(estimate.authorizations[0]?.approvedLineIds ?? []);
  return (
    <PrintDocument
      back={{ href: `/jobs/${job.id}`, label: 'Back to job' }}
      shop={settings}
      heading={
        <>
          <h1 className="text-2xl font-semibold">
            Estimate {job.number} v{estimate.version}
          </h1>
          <p className="text-sm">
            {estimateStatusLabels[estimate.status]} ·{' '}
            {formatDate(estimate.sentAt ?? estimate.createdAt, settings.locale)}
          </p>
          {estimate.expiresAt ? (
            <p className="text-sm">Valid until {formatDate(estimate.expiresAt, settings.locale)}</p>
          ) : null}
        </>
      }
    >
      <p className="mb-4">
        {[job.vehicle.year, job.vehicle.make, job.vehicle.model].filter(Boolean).join(' ')}
        {job.vehicle.plate ? ` (${job.vehicle.plate})` : ''} · {job.title}
      </p>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Kind</TableHead>
            <TableHead>Description</TableHead>
            <TableHead className="text-right">Quantity</TableHead>
            <TableHead className="text-right">Unit price</TableHead>
            <TableHead className="text-right">Total with tax</TableHead>
          </TableRow>
        </TableHeader>
        <TableRows rows={estimate.lines}>
          {(line) => (
            <>
              <TableCell>{lineKindLabels[line.kind]}</TableCell>
              <TableCell>
                {line.description}
                {approved.has(line.id) ? ' (approved)' : ''}
              </TableCell>
              <TableCell className="text-right">{line.quantity}</TableCell>
              <TableCell className="text-right">{formatMoney(line.unitPriceCents, money)}</TableCell>
              <TableCell className="text-right">{formatMoney(line.totalCents, money)}</TableCell>
            </>
          )}
        </TableRows>
      </Table>
      <dl className="mt-6 ml-auto max-w-xs space-y-1 text-sm">
        <TotalRow label="Subtotal" value={formatMoney(estimate.subtotalCents, money)} />
        <TotalRow label="Tax" value={formatMoney(estimate.taxCents, money)} />
        <TotalRow label="Total" value={formatMoney(estimate.totalCents, money)} className={strong} />
        {estimate.approvedTotalCents !== null ? (
          <TotalRow label="Approved" value={formatMoney(estimate.approvedTotalCents, money)} className={strong} />
        ) : null}
      </dl>
      {estimate.notes ? <p className="mt-6 text-sm whitespace-pre-line">{estimate.notes}</p> : null}
      {settings.estimateTerms ? (
        <p className="mt-4 text-xs whitespace-pre-line text-slate-600">{settings.estimateTerms}</p>
      ) : null}
    </PrintDocument>
  );
}
