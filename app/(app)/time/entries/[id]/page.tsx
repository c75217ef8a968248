import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdminPage } from '@/app/_lib/session';
import { formatDateTime, formatJobNumber } from '@/components/format';
import { CorrectionForm } from '@/components/time/correction-form';
import { formatDuration } from '@/components/time/duration';
import { orNotFound } from '@/components/ui/or-not-found';
import { BackLink } from '@/components/ui/back-link';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/section';
import { Table, TableBody, TableCell, TableHeader, TableRow } from '@/components/ui/table';
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
      <BackLink href="/time">Time</BackLink>
      <PageHeader title={`Time entry of ${entry.userName}`}>
        On{' '}
        <Link href={`/jobs/${entry.jobId}`} className="text-brand-700 underline">
          {formatJobNumber(entry.jobNumber)}
        </Link>
        : {utc(entry.startedAt)} – {entry.endedAt ? utc(entry.endedAt) : 'running'} (
        {formatDuration(entry.durationSeconds)}){entry.voided ? ', void' : ''}.
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="correct-heading" title="Correct" gap="mb-3">
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
        </Panel>
        <Panel id="history-heading" title="Corrections" gap="mb-3">
          {history.length === 0 ? (
            <p className="text-sm text-slate-600">Not corrected: the times as clocked.</p>
          ) : (
            <Table density="compact">
              <TableHeader columns={['When', 'By', 'Now', 'Reason']} />
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
        </Panel>
      </div>
    </>
  );
}
