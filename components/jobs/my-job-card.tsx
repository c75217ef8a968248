'use client';

import Link from 'next/link';
import { EstimateCardBadge } from '@/components/estimates/estimate-card-badge';
import { PartsSignalBadge } from '@/components/parts/parts-signal-badge';
import { ClockButton } from '@/components/time/clock-button';
import type { JobStatus } from '@/db/schema';
import { OverdueBadge, PriorityBadge, StatusBadge } from './badges';
import type { JobCardView } from './card-view';
import { NoteForm } from './note-form';
import { StatusActions } from './status-actions';

/**
 * A tablet card: what to work on, one tap to move it along, and a note box right there. A client leaf fed strings
 * (`jobCardView`). `compact`: a recently completed job, with nothing left to tap (its page takes notes).
 */
export function MyJobCard({
  card,
  nextStatuses,
  clock,
  compact = false,
}: {
  card: JobCardView;
  nextStatuses: JobStatus[];
  /** The technician's clock on this card: `runningSince` (ISO) when it runs here; left out, no clock button. */
  clock?: { runningSince: string | null };
  compact?: boolean;
}) {
  const headingId = `job-${card.id}-heading`;
  const vehicle = [card.year, card.make, card.model].filter(Boolean).join(' ');
  return (
    <article
      aria-labelledby={headingId}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="my-job-card"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={headingId} className="min-w-0 text-lg font-semibold break-words">
          <Link href={`/jobs/${card.id}`} className="hover:underline">
            <span className="text-slate-500">{card.number}</span> {card.title}
          </Link>
        </h2>
        <div className="flex flex-wrap items-center gap-1">
          <StatusBadge status={card.status} />
          <PriorityBadge priority={card.priority} />
          {card.overdue ? <OverdueBadge /> : null}
          <EstimateCardBadge badge={card.estimate} />
          <PartsSignalBadge label={card.parts} />
        </div>
      </div>
      <p className="mt-1 text-sm text-slate-700">{[vehicle, card.plate, card.customer].filter(Boolean).join(' · ')}</p>
      <p className={`text-sm ${card.overdue ? 'font-medium text-red-700' : 'text-slate-600'}`}>
        {`Promised ${card.promised}`}
      </p>
      {clock ? (
        <div className="mt-3">
          <ClockButton jobId={card.id} runningSince={clock.runningSince} />
        </div>
      ) : null}
      {compact ? null : (
        <>
          <div className="mt-3">
            <StatusActions
              jobId={card.id}
              number={card.number}
              status={card.status}
              nextStatuses={nextStatuses}
              allowCancel={false}
            />
          </div>
          <div className="mt-3 border-t border-slate-100 pt-3">
            <NoteForm jobId={card.id} compact />
          </div>
        </>
      )}
    </article>
  );
}
