import { formatDateTime, formatMoney, type Locale } from '@/components/format';
import { authorizationChannelLabels, jobStatusLabels } from '@/db/core/labels';
import type { EstimateTimelineEventDto } from '@/db/estimates';
import type { JobStatusChangeDto } from '@/db/jobs';

type Entry = { key: string; at: Date; title: string; by: string | null; detail: string | null };

function statusEntry(change: JobStatusChangeDto): Entry {
  return {
    key: `status-${change.id}`,
    at: change.changedAt,
    title: change.fromStatus
      ? `${jobStatusLabels[change.fromStatus]} → ${jobStatusLabels[change.toStatus]}`
      : 'Job created',
    by: change.changedBy.name,
    detail: change.reason ? `Reason: ${change.reason}` : null,
  };
}

function estimateEntry(event: EstimateTimelineEventDto, money: Locale): Entry {
  const key = `${event.estimateId}-${event.kind}`;
  const estimate = `Estimate v${event.version}`;
  switch (event.kind) {
    case 'created':
      return { key, at: event.at, title: `${estimate} created`, by: event.by, detail: null };
    case 'superseded':
      return { key, at: event.at, title: `${estimate} superseded`, by: event.by, detail: 'A new version replaced it.' };
    case 'sent':
      return {
        key,
        at: event.at,
        title: `${estimate} sent to the customer`,
        by: event.by,
        detail: event.expiresAt ? `Link expires ${formatDateTime(event.expiresAt, money.locale)}` : null,
      };
    case 'answered': {
      const how = authorizationChannelLabels[event.channel].toLowerCase();
      const approved = event.approvedLineCount > 0;
      return {
        key,
        at: event.at,
        title: approved ? `${estimate} approved ${how}` : `${estimate} declined ${how}`,
        by: event.by,
        detail: approved
          ? `${event.authorizedBy} approved ${formatMoney(event.approvedTotalCents, money)} (${event.approvedLineCount} ${event.approvedLineCount === 1 ? 'line' : 'lines'})`
          : `${event.authorizedBy} declined all work`,
      };
    }
  }
}

/** The job's history, oldest first: status changes (who, when, why) and its estimate versions and answers. */
export function JobTimeline({
  history,
  estimateEvents = [],
  money,
}: {
  history: JobStatusChangeDto[];
  estimateEvents?: EstimateTimelineEventDto[];
  money: Locale;
}) {
  const entries = [...history.map(statusEntry), ...estimateEvents.map((event) => estimateEntry(event, money))].sort(
    (a, b) => a.at.getTime() - b.at.getTime(),
  );
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
        Timeline
      </h2>
      <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="job-timeline">
        {entries.map((entry) => (
          <li key={entry.key} className="text-sm">
            <p className="font-medium">{entry.title}</p>
            <p className="text-slate-600">
              {entry.by ? `${entry.by} · ` : ''}
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, money.locale)}</time>
            </p>
            {entry.detail ? <p className="mt-1 text-slate-700">{entry.detail}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
