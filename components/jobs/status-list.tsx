import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { jobStatusLabels } from '@/db/core/labels';
import type { JobSummaryDto } from '@/db/jobs';
import type { JobStatus } from '@/db/schema';
import { jobCardView } from './card-view';
import { BoardCard } from './job-card';

/** Every job of one status, newest number first, one keyset page at a time (the board's "Show all" target). */
export function JobStatusList({
  status,
  jobs,
  locale,
  cursor,
  nextCursor,
}: {
  status: JobStatus;
  jobs: JobSummaryDto[];
  locale: string;
  cursor?: string;
  nextCursor: string | null;
}) {
  const firstPage = `/jobs?status=${status}`;
  const nextPage = nextCursor ? `${firstPage}&cursor=${encodeURIComponent(nextCursor)}` : null;
  return (
    <section aria-labelledby={`list-${status}`} data-testid={`list-${status}`}>
      <h2 id={`list-${status}`} className="mb-2 flex items-center gap-3 text-sm font-semibold">
        <span>{jobStatusLabels[status]}: every job, newest first</span>
        <Link href="/jobs" className="font-normal text-brand-700 hover:underline">
          Back to the board
        </Link>
      </h2>
      {jobs.length === 0 ? <p className="text-sm text-slate-500">No jobs.</p> : null}
      <ul className="grid gap-2 md:grid-cols-2 xl:grid-cols-3">
        {jobs.map((job) => (
          <BoardCard key={job.id} card={jobCardView(job, locale)} />
        ))}
      </ul>
      <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2 text-sm">
        <span className="text-slate-600">
          {jobs.length === 0
            ? ''
            : `Showing ${jobs.length} job${jobs.length === 1 ? '' : 's'}${cursor ? ' (later page)' : ''}.`}
        </span>
        <span className="flex gap-2">
          {cursor ? (
            <Link href={firstPage} className={buttonClasses('secondary')}>
              First page
            </Link>
          ) : null}
          {nextPage ? (
            <Link href={nextPage} className={buttonClasses('secondary')}>
              Next page
            </Link>
          ) : null}
        </span>
      </nav>
    </section>
  );
}
