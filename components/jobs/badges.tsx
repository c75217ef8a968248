import { jobPriorityLabels, jobStatusLabels } from '@/db/core/labels';
import type { JobPriority, JobStatus } from '@/db/schema';
import { priorityBadgeClasses, statusBadgeClasses } from './labels';

// .badge (app/globals.css): the shape every badge shares.
const badge = 'badge';

export function StatusBadge({ status }: { status: JobStatus }) {
  return (
    <span className={`${badge} ${statusBadgeClasses[status]}`} data-testid="job-status">
      {jobStatusLabels[status]}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: JobPriority }) {
  return <span className={`${badge} ${priorityBadgeClasses[priority]}`}>{jobPriorityLabels[priority]} priority</span>;
}

export function OverdueBadge() {
  return <span className={`${badge} bg-red-50 text-red-700 ring-red-300`}>Overdue</span>;
}
