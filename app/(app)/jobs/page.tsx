import type { Metadata } from 'next';
import Link from 'next/link';
import { jobStatusLabels } from '@/components/format';
import { BoardFilters } from '@/components/jobs/board-filters';
import { BoardCard } from '@/components/jobs/job-card';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { DomainError } from '@/db/errors';
import { BOARD_CLOSED_DAYS, listJobsForBoard, type BoardColumnDto } from '@/db/jobs';
import { requireAdminPage } from '@/db/session';
import { getShopSettings } from '@/db/settings';
import { listActiveWorkers } from '@/db/users';

export const metadata: Metadata = { title: 'Jobs' };

const PER_COLUMN = 50;

export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<{ worker?: string; priority?: string; overdue?: string }>;
}) {
  const actor = await requireAdminPage();
  const { worker, priority, overdue } = await searchParams;
  const [workers, { locale }] = await Promise.all([listActiveWorkers(actor), getShopSettings(actor)]);
  let columns: BoardColumnDto[] = [];
  let badFilter = false;
  try {
    ({ columns } = await listJobsForBoard(actor, {
      worker: worker || undefined,
      priority: priority || undefined,
      overdue: overdue ? 'on' : undefined,
      perColumn: String(PER_COLUMN),
    }));
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === 'invalid')) throw error;
    badFilter = true;
  }

  return (
    <>
      <PageHeader
        title="Jobs"
        actions={
          <Link href="/jobs/new" className={buttonClasses('primary')}>
            New job
          </Link>
        }
      >
        Every job by status, the oldest promise first.
      </PageHeader>
      <BoardFilters workers={workers} worker={worker} priority={priority} overdue={Boolean(overdue)} />
      {badFilter ? <Alert tone="warning">Those filters are not valid. Clear them and try again.</Alert> : null}
      <div className="grid gap-3 md:grid-cols-3 xl:grid-cols-5">
        {columns.map((column) => (
          <section
            key={column.status}
            aria-labelledby={`column-${column.status}`}
            className="min-w-0 rounded-lg bg-slate-100 p-2"
            data-testid={`column-${column.status}`}
          >
            <h2 id={`column-${column.status}`} className="mb-2 flex items-center justify-between px-1 text-sm font-semibold">
              <span>
                {jobStatusLabels[column.status]}
                {column.since ? <span className="font-normal text-slate-500"> (last {BOARD_CLOSED_DAYS} days)</span> : null}
              </span>
              <span className="rounded-full bg-white px-2 py-0.5 text-xs text-slate-700" aria-label={`${column.count} jobs`}>
                {column.count}
              </span>
            </h2>
            {column.jobs.length === 0 ? <p className="px-1 pb-2 text-xs text-slate-500">No jobs.</p> : null}
            <ul className="space-y-2">
              {column.jobs.map((job) => (
                <BoardCard key={job.id} job={job} locale={locale} />
              ))}
            </ul>
            {column.count > column.jobs.length ? (
              <p className="mt-2 px-1 text-xs text-slate-600">
                Showing {column.jobs.length} of {column.count}
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}
