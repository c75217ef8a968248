import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdminPage } from '@/app/_lib/session';
import { formatDateTime, formatJobNumber } from '@/components/format';
import { CorrectionForm } from '@/components/time/correction-form';
import { formatDuration } from '@/components/time/duration';
import { orNotFound } from '@/components/ui/or-not-found';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getTimeEntry, listTimeAdjustments } from '@/db/time';

export const metadata: Metadata = { title: 'Correct time entry' };

/** A Date as a `datetime-local` value in UTC ("2026-03-01T09:30"). */
const localValue = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : '');
const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export default async function TimeEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminPage();
  const { id } = await params;
  const entry = await orNotFound(getTimeEntry(actor, id));
  const history = await listTimeAdjustments(actor, id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/time" className="text-brand-700 hover:underline">
          ← Time
        </Link>
      </p>
      <PageHeader title={`Time entry of ${entry.userName}`}>
        On{' '}
        <Link href={`/jobs/${entry.jobId}`} className="text-brand-700 underline">
          {formatJobNumber(entry.jobNumber)}
        </Link>
        : {utc(entry.startedAt)} – {entry.endedAt ? utc(entry.endedAt) : 'running'} (
        {formatDuration(entry.durationSeconds)}){entry.voided ? ', void' : ''}.
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="correct-heading" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="correct-heading" className="mb-3 text-lg font-semibold">
            Correct
          </h2>
          {entry.endedAt ? (
            <CorrectionForm
              entryId={entry.id}
              startedAt={localValue(entry.startedAt)}
              endedAt={localValue(entry.endedAt)}
              voided={entry.voided}
            />
          ) : (
            <p className="text-sm text-slate-600">The clock is still running: stop it on the Time page first.</p>
          )}
        </section>
        <section aria-labelledby="history-heading" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="history-heading" className="mb-3 text-lg font-semibold">
            Corrections
          </h2>
          {history.length === 0 ? (
            <p className="text-sm text-slate-600">Not corrected: the times as clocked.</p>
          ) : (
            <Table density="compact">
              <TableHeader>
                <TableHead>When</TableHead>
                <TableHead>By</TableHead>
                <TableHead>Now</TableHead>
                <TableHead>Reason</TableHead>
              </TableHeader>
              <TableBody>
                {history.map((row) => (
                  <TableRow key={row.id}>
                    <TableCell>{formatDateTime(row.createdAt)}</TableCell>
                    <TableCell>{row.createdBy.name}</TableCell>
                    <TableCell>{row.void ? 'Void' : `${utc(row.startedAt)} – ${utc(row.endedAt)}`}</TableCell>
                    <TableCell className="break-words">{row.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      </div>
    </>
  );
}
