import Link from 'next/link';
import { formatDate } from '@/components/format';
import type { JobSummaryDto } from '@/db/jobs';
import { EstimateCardBadge } from '@/components/estimates/estimate-card-badge';
import type { EstimateBadge } from '@/db/estimates';
import { PartsSignalBadge } from '@/components/parts/parts-signal-badge';
import type { JobPartsSignal } from '@/db/parts';
import { OverdueBadge, PriorityBadge, StatusBadge } from './badges';

/** A compact card for the board: number, complaint, vehicle, customer, promise and who is on it. */
export function BoardCard({
  job,
  locale,
  estimateBadge,
  partsSignal,
}: {
  job: JobSummaryDto;
  locale: string;
  estimateBadge?: EstimateBadge;
  partsSignal?: JobPartsSignal;
}) {
  const vehicle = [job.vehicle.make, job.vehicle.model].join(' ');
  return (
    <li className="board-card">
      <Link href={`/jobs/${job.id}`} className="board-card-title">
        <span className="text-slate-500">{job.number}</span> {job.title}
      </Link>
      <p className="mt-1 truncate text-slate-700" title={`${vehicle} ${job.vehicle.plate ?? ''}`}>
        {vehicle}
        {job.vehicle.plate ? ` · ${job.vehicle.plate}` : ''}
      </p>
      <p className="truncate text-slate-600">{job.customer.name}</p>
      <div className="mt-2 flex flex-wrap items-center gap-1">
        <PriorityBadge priority={job.priority} />
        {job.overdue ? <OverdueBadge /> : null}
        <EstimateCardBadge badge={estimateBadge} />
        <PartsSignalBadge signal={partsSignal} status={job.status} locale={locale} />
      </div>
      <p className={`mt-1 text-xs ${job.overdue ? 'font-medium text-red-700' : 'text-slate-500'}`}>
        Promised {formatDate(job.promisedAt, locale)}
      </p>
      <p className="truncate text-xs text-slate-500">
        {job.assignees.length > 0 ? job.assignees.map((person) => person.name).join(', ') : 'Unassigned'}
      </p>
      <span className="sr-only">
        <StatusBadge status={job.status} />
      </span>
    </li>
  );
}
