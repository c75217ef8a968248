import type { Metadata } from 'next';
import { estimateBadges } from '@/db/estimates';
import Link from 'next/link';
import { BoardFilters } from '@/components/jobs/board-filters';
import { jobCardView } from '@/components/jobs/card-view';
import { BoardCard } from '@/components/jobs/job-card';
import { JobStatusList } from '@/components/jobs/status-list';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { DomainError } from '@/db/core/errors';
import { jobStatusLabels, jobStatusWords } from '@/db/core/labels';
import { BOARD_CLOSED_DAYS, listJobs, listJobsForBoard, type BoardColumnDto } from '@/db/jobs';
import { getPartsSignals } from '@/db/parts';
import { jobStatus, type JobStatus } from '@/db/schema';
import { requireAdminPage } from '@/app/_lib/session';
import { getShopSettings } from '@/db/settings';
import { listActiveWorkers } from '@/db/users';
import { param, readSearchParams, type RawSearchParams } from '@/app/_lib/search-params';

export const metadata: Metadata = { title: 'Jobs' };

/** Cards per board column; the rest is one click away ("Show all N", the status list). */
const PER_COLUMN = 20;
const LIST_PAGE_SIZE = 50;

function JobsHeader({ children }: { children: React.ReactNode }) {
  return (
    <PageHeader
      title="Jobs"
      actions={
        <Link href="/jobs/new" className={buttonClasses('primary')}>
          New job
        </Link>
      }
    >
      {children}
    </PageHeader>
  );
}

function isJobStatus(value: string | undefined): value is JobStatus {
  return (jobStatus.enumValues as readonly string[]).includes(value ?? '');
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireAdminPage();
  const { worker, priority, overdue, status, cursor } = await readSearchParams(searchParams, {
    worker: param.text(100),
    priority: param.text(20),
    overdue: param.text(10),
    status: param.text(20),
    cursor: param.cursor(),
  });
  if (isJobStatus(status)) {
    const [{ locale }, page] = await Promise.all([getShopSettings(actor), listStatusPage(actor, status, cursor)]);
    return (
      <>
        <JobsHeader>Every {jobStatusWords[status]} job, the newest number first.</JobsHeader>
        {page.badCursor ? (
          <Alert tone="warning">That page could not be read. Showing the first page instead.</Alert>
        ) : null}
        <JobStatusList
          status={status}
          jobs={page.data}
          locale={locale}
          cursor={page.badCursor ? undefined : cursor}
          nextCursor={page.nextCursor}
        />
      </>
    );
  }
  const [workers, { locale }] = await Promise.all([listActiveWorkers(actor), getShopSettings(actor)]);
  const filtered = Boolean(worker || priority || overdue);
  let columns: BoardColumnDto[] = [];
  let badFilter = false;
  try {
    ({ columns } = await listJobsForBoard(actor, {
      worker: worker || undefined,
      priority: priority || undefined,
      overdue: overdue ? true : undefined,
      perColumn: String(PER_COLUMN),
    }));
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === 'invalid')) throw error;
    badFilter = true;
  }
  // The cards' estimate badges and parts signals are independent reads: run them together.
  const [badges, partsSignals] = await Promise.all([
    estimateBadges(
      actor,
      columns.flatMap((column) => column.jobs.map((job) => job.id)),
    ),
    getPartsSignals(
      actor,
      columns.flatMap((column) => (column.status === 'waiting_for_parts' ? column.jobs.map((job) => job.id) : [])),
    ),
  ]);

  return (
    <>
      <JobsHeader>Every job by status, the oldest promise first.</JobsHeader>
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
            <h2
              id={`column-${column.status}`}
              className="mb-2 flex items-center justify-between px-1 text-sm font-semibold"
            >
              <span>
                {jobStatusLabels[column.status]}
                {column.since ? (
                  <span className="font-normal text-slate-600"> (last {BOARD_CLOSED_DAYS} days)</span>
                ) : null}
              </span>
              <span
                className="rounded-full bg-white px-2 py-0.5 text-xs text-slate-700"
                aria-label={`${column.count} jobs`}
              >
                {column.count}
              </span>
            </h2>
            {column.jobs.length === 0 ? <p className="px-1 pb-2 text-xs text-slate-600">No jobs.</p> : null}
            <ul className="space-y-2">
              {column.jobs.map((job) => (
                <BoardCard
                  key={job.id}
                  card={jobCardView(job, locale, {
                    estimate: badges.get(job.id) ?? undefined,
                    partsSignal: partsSignals.get(job.id),
                  })}
                />
              ))}
            </ul>
            {column.count > column.jobs.length ? (
              <p className="mt-2 flex flex-wrap items-center justify-between gap-1 px-1 text-xs text-slate-600">
                <span>
                  Showing {column.jobs.length} of {column.count}
                </span>
                <Link href={`/jobs?status=${column.status}`} className="font-medium text-brand-700 hover:underline">
                  {filtered || column.since
                    ? `Show all ${jobStatusWords[column.status]} jobs`
                    : `Show all ${column.count}`}
                </Link>
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}

async function listStatusPage(actor: Parameters<typeof listJobs>[0], status: JobStatus, cursor: string | undefined) {
  try {
    return { ...(await listJobs(actor, { status, cursor, limit: LIST_PAGE_SIZE })), badCursor: false };
  } catch (error) {
    if (!(cursor && error instanceof DomainError && error.kind === 'invalid')) throw error;
    return { ...(await listJobs(actor, { status, limit: LIST_PAGE_SIZE })), badCursor: true };
  }
}
