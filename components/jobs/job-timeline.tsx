import { formatDateTime } from '@/components/format';
import { jobStatusLabels } from '@/db/core/labels';
import type { JobStatusChangeDto } from '@/db/jobs';

/** The job's status history, oldest first: who changed what, when, and why. */
export function JobTimeline({ history, locale }: { history: JobStatusChangeDto[]; locale: string }) {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
        Timeline
      </h2>
      <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="job-timeline">
        {history.map((change) => (
          <li key={change.id} className="text-sm">
            <p className="font-medium">
              {change.fromStatus
                ? `${jobStatusLabels[change.fromStatus]} → ${jobStatusLabels[change.toStatus]}`
                : 'Job created'}
            </p>
            <p className="text-slate-600">
              {change.changedBy.name} ·{' '}
              <time dateTime={change.changedAt.toISOString()}>{formatDateTime(change.changedAt, locale)}</time>
            </p>
            {change.reason ? <p className="mt-1 text-slate-700">Reason: {change.reason}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
