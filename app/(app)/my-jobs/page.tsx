import type { Metadata } from 'next';
import { estimateBadges } from '@/db/estimates';
import Link from 'next/link';
import { jobCardView } from '@/components/jobs/card-view';
import { MyJobCard } from '@/components/jobs/my-job-card';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { jobTransitions, listMyJobs } from '@/db/jobs';
import { getPartsSignals } from '@/db/parts';
import type { JobStatus } from '@/db/schema';
import { requireActor } from '@/app/_lib/session';
import { getShopSettings } from '@/db/settings';
import type { TimeEntryDto } from '@/db/time';
import { getMyRunningClock } from '@/app/_lib/running-clock';

export const metadata: Metadata = { title: 'My jobs' };

/**
 * The one-tap changes on a card: everything but cancelling (on the job page, with a reason) and reopening. A
 * created job has no Start here: **Start clock** starts the job and the mechanic's clock in one tap.
 */
function tapsFor(status: JobStatus): JobStatus[] {
  if (status === 'completed') return [];
  return jobTransitions[status].filter((to) => to !== 'cancelled' && !(status === 'created' && to === 'in_progress'));
}

/** Jobs that are started or in progress take a clock (waiting for parts: resume first). */
function clockFor(jobId: string, status: JobStatus, running: TimeEntryDto | null) {
  if (status !== 'created' && status !== 'in_progress') return undefined;
  return { runningSince: running?.jobId === jobId ? running.startedAt.toISOString() : null };
}

export default async function MyJobsPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const actor = await requireActor();
  const { denied } = await searchParams;
  const [{ open, recentlyCompleted }, { locale }] = await Promise.all([listMyJobs(actor), getShopSettings(actor)]);
  const ids = open.map((job) => job.id);
  const [badges, partsSignals, running] = await Promise.all([
    estimateBadges(actor, ids),
    getPartsSignals(actor, ids),
    getMyRunningClock(actor),
  ]);
  return (
    <>
      {denied ? (
        <div className="mb-4">
          <Alert tone="warning">That page is for admins only.</Alert>
        </div>
      ) : null}
      <PageHeader
        title="My jobs"
        actions={
          <Link href="/jobs/new" className={buttonClasses('secondary', 'lg')}>
            New job
          </Link>
        }
      >
        The jobs assigned to you, the oldest promise first.
      </PageHeader>
      {open.length === 0 ? <p className="mb-6 text-slate-600">Nothing assigned to you right now.</p> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {open.map((job) => (
          <MyJobCard
            key={job.id}
            card={jobCardView(job, locale, {
              estimate: badges.get(job.id) ?? undefined,
              partsSignal: partsSignals.get(job.id),
              arrived: true,
            })}
            nextStatuses={tapsFor(job.status)}
            clock={clockFor(job.id, job.status, running)}
          />
        ))}
      </div>
      {recentlyCompleted.length > 0 ? (
        <>
          <h2 className="mt-8 mb-3 text-lg font-semibold">Recently completed</h2>
          <div className="grid gap-4 lg:grid-cols-2">
            {recentlyCompleted.map((job) => (
              <MyJobCard key={job.id} card={jobCardView(job, locale)} nextStatuses={[]} compact />
            ))}
          </div>
        </>
      ) : null}
    </>
  );
}
