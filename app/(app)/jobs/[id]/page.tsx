import type { Metadata } from 'next';
import { loadRecord, type DetailPageProps } from '@/app/_lib/page-params';
import Link from 'next/link';
import { EstimatePanel } from '@/components/estimates/estimate-panel';
import { AssigneesForm } from '@/components/jobs/assignees-form';
import { OverdueBadge, PriorityBadge, StatusBadge } from '@/components/jobs/badges';
import { JobForm } from '@/components/jobs/job-form';
import { dateInputValue } from '@/components/jobs/labels';
import { JobNotes } from '@/components/jobs/job-notes';
import { JobTimeline } from '@/components/jobs/job-timeline';
import { StatusActions } from '@/components/jobs/status-actions';
import { FlashToast } from '@/components/ui/flash-toast';
import { formatDate } from '@/components/format';
import { buttonClasses } from '@/components/ui/button';
import { listJobEstimateEvents } from '@/db/estimates';
import { getJob, getJobHistory, type JobDto } from '@/db/jobs';
import { listJobNotes } from '@/db/notes';
import { getShopSettings } from '@/db/settings';
import { listActiveWorkers } from '@/db/users';
import { JobPartsPanel } from '@/components/parts/job-parts-panel';
import { listJobParts } from '@/db/parts';
import { getJobClockedTime } from '@/db/time';
import { JobClockedTime } from '@/components/time/job-clocked-time';

export const metadata: Metadata = { title: 'Job' };

export default async function JobPage({ params, searchParams }: DetailPageProps<{ created?: string }>) {
  const { actor, record: job } = await loadRecord(params, getJob);
  const { id } = await params;
  const { created } = await searchParams;
  const [history, estimateEvents, notes, { locale, currency }, workers, jobParts, clocked] = await Promise.all([
    getJobHistory(actor, id),
    listJobEstimateEvents(actor, id),
    listJobNotes(actor, id, { limit: 500 }),
    getShopSettings(actor),
    job.permissions.canAssign ? listActiveWorkers(actor) : Promise.resolve([]),
    listJobParts(actor, id),
    getJobClockedTime(actor, id),
  ]);
  const { permissions } = job;
  const vehicleName = [job.vehicle.year, job.vehicle.make, job.vehicle.model].filter(Boolean).join(' ');
  // Workers still assigned but since deactivated stay listed (ticked) so saving does not drop them silently.
  const pickable = [
    ...workers.map((worker) => ({ id: worker.id, name: worker.name })),
    ...job.assignees
      .filter((person) => !workers.some((worker) => worker.id === person.id))
      .map((person) => ({ ...person, inactive: true })),
  ];

  return (
    <>
      {created ? <FlashToast message="Job created." /> : null}
      <p className="mb-2 text-sm">
        <Link href={actor.role === 'admin' ? '/jobs' : '/my-jobs'} className="text-brand-700 hover:underline">
          ← {actor.role === 'admin' ? 'Job board' : 'My jobs'}
        </Link>
      </p>
      <PageHeader job={job} vehicleName={vehicleName} locale={locale} />

      <section aria-label="Status" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-4">
          {permissions.nextStatuses.length > 0 ? (
            <StatusActions
              jobId={job.id}
              number={job.number}
              status={job.status}
              nextStatuses={permissions.nextStatuses}
            />
          ) : (
            <p className="text-sm text-slate-600">
              {job.status === 'cancelled'
                ? `Cancelled: ${job.cancelReason ?? ''}`
                : job.status === 'completed'
                  ? job.liveInvoice
                    ? 'Completed and invoiced.'
                    : 'Completed.'
                  : 'Only an admin or a worker assigned to this job can change its status.'}
            </p>
          )}
          {actor.role === 'admin' && job.status === 'completed' ? (
            job.liveInvoice ? (
              <Link href={`/invoices/${job.liveInvoice.id}`} className={buttonClasses('secondary')}>
                Invoice {job.liveInvoice.number}
              </Link>
            ) : (
              <Link href={`/jobs/${job.id}/invoice`} className={buttonClasses('primary')}>
                Create invoice
              </Link>
            )
          ) : null}
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id="details-heading" className="mb-4 text-lg font-semibold">
              Details
            </h2>
            <JobForm
              jobId={job.id}
              version={job.version}
              lastOdometer={job.vehicle.odometer}
              disabled={!permissions.canEdit}
              initial={{
                title: job.title,
                description: job.description ?? '',
                priority: job.priority,
                promisedAt: dateInputValue(job.promisedAt),
                odometerIn: job.odometerIn === null ? '' : String(job.odometerIn),
              }}
            />
          </section>
          <JobPartsPanel
            jobId={job.id}
            parts={jobParts}
            money={{ currency, locale }}
            canAdd={job.status !== 'cancelled'}
          />
          <JobNotes jobId={job.id} notes={notes.data} canAddNote={permissions.canAddNote} locale={locale} />
        </div>
        <div className="min-w-0 space-y-6">
          <EstimatePanel actor={actor} jobId={job.id} />
          <JobClockedTime clocked={clocked} />
          <section aria-labelledby="assignees-heading" className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id="assignees-heading" className="mb-3 text-lg font-semibold">
              Assignees
            </h2>
            {permissions.canAssign ? (
              <AssigneesForm jobId={job.id} workers={pickable} assignedIds={job.assignees.map((person) => person.id)} />
            ) : job.assignees.length > 0 ? (
              <ul className="list-inside list-disc text-sm">
                {job.assignees.map((person) => (
                  <li key={person.id}>{person.name}</li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">Nobody is assigned yet.</p>
            )}
          </section>
          <JobTimeline history={history} estimateEvents={estimateEvents} money={{ currency, locale }} />
          <section className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">
            Opened by {job.creator.name} on {formatDate(job.createdAt, locale)}.
          </section>
        </div>
      </div>
    </>
  );
}

function PageHeader({ job, vehicleName, locale }: { job: JobDto; vehicleName: string; locale: string }) {
  return (
    <div className="mb-6 space-y-2">
      <h1 className="text-2xl font-semibold break-words">
        <span className="text-slate-500">{job.number}</span> {job.title}
      </h1>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <StatusBadge status={job.status} />
        <PriorityBadge priority={job.priority} />
        {job.overdue ? <OverdueBadge /> : null}
        <span>·</span>
        <Link href={`/vehicles/${job.vehicle.id}`} className="text-brand-700 hover:underline">
          {vehicleName}
          {job.vehicle.plate ? ` (${job.vehicle.plate})` : ''}
        </Link>
        <span>·</span>
        <Link href={`/customers/${job.customer.id}`} className="text-brand-700 hover:underline">
          {job.customer.name}
        </Link>
        <span>·</span>
        <span>Promised {formatDate(job.promisedAt, locale)}</span>
      </div>
    </div>
  );
}
