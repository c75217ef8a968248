import Link from 'next/link';
import { formatDate } from '@/components/format';
import type { JobSummaryDto } from '@/db/jobs';
import type { JobStatus } from '@/db/schema';
import { EstimateCardBadge } from '@/components/estimates/estimate-card-badge';
import type { EstimateBadge } from '@/db/estimates';
import { PartsSignalBadge } from '@/components/parts/parts-signal-badge';
import type { JobPartsSignal } from '@/db/parts';
import { OverdueBadge, PriorityBadge, StatusBadge } from './badges';
import { ClockButton } from '@/components/time/clock-button';
import { NoteForm } from './note-form';
import { StatusActions } from './status-actions';

/** A tablet card: what to work on, one tap to move it along, and a note box right there. */
export function MyJobCard({
  job,
  nextStatuses,
  locale,
  estimateBadge,
  partsSignal,
  clock,
}: {
  job: JobSummaryDto;
  nextStatuses: JobStatus[];
  locale: string;
  estimateBadge?: EstimateBadge;
  partsSignal?: JobPartsSignal;
  /** The technician's clock on this card: `runningSince` (ISO) when it runs here; left out, no clock button. */
  clock?: { runningSince: string | null };
}) {
  const headingId = `job-${job.id}-heading`;
  const vehicle = [job.vehicle.year, job.vehicle.make, job.vehicle.model].filter(Boolean).join(' ');
  return (
    <article
      aria-labelledby={headingId}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="my-job-card"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={headingId} className="min-w-0 text-lg font-semibold break-words">
          <Link href={`/jobs/${job.id}`} className="hover:underline">
            <span className="text-slate-500">{job.number}</span> {job.title}
          </Link>
        </h2>
        <div className="flex flex-wrap items-center gap-1">
          <StatusBadge status={job.status} />
          <PriorityBadge priority={job.priority} />
          {job.overdue ? <OverdueBadge /> : null}
          <EstimateCardBadge badge={estimateBadge} />
          <PartsSignalBadge signal={partsSignal} status={job.status} locale={locale} arrived />
        </div>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {vehicle}
        {job.vehicle.plate ? ` · ${job.vehicle.plate}` : ''} · {job.customer.name}
      </p>
      <p className={`text-sm ${job.overdue ? 'font-medium text-red-700' : 'text-slate-600'}`}>
        Promised {formatDate(job.promisedAt, locale)}
      </p>
      {clock ? (
        <div className="mt-3">
          <ClockButton jobId={job.id} runningSince={clock.runningSince} />
        </div>
      ) : null}
      <div className="mt-3">
        <StatusActions
          jobId={job.id}
          number={job.number}
          status={job.status}
          nextStatuses={nextStatuses}
          allowCancel={false}
        />
      </div>
      <div className="mt-3 border-t border-slate-100 pt-3">
        <NoteForm jobId={job.id} compact />
      </div>
    </article>
  );
}
