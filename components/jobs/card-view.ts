// What a job card shows, as strings: the board's and My jobs' cards are client leaves, so each card ships these few
// fields in the page's RSC payload rather than its whole element tree (a board holds up to 100 cards).
import { formatDate } from '@/components/format';
import type { EstimateBadge } from '@/db/estimates';
import type { JobSummaryDto } from '@/db/jobs';
import type { JobPartsSignal } from '@/db/parts';
import type { JobStatus } from '@/db/schema';

export type PartsLabel = { arrived: boolean; text: string };

export type JobCardView = Pick<JobSummaryDto, 'id' | 'number' | 'title' | 'status' | 'priority' | 'overdue'> &
  Pick<JobSummaryDto['vehicle'], 'year' | 'make' | 'model' | 'plate'> & {
    customer: string;
    promised: string;
    assignees: string;
    estimate?: EstimateBadge;
    parts?: PartsLabel;
  };

/**
 * "Parts ETA …" (the latest expected date of its open order lines) while the job waits for parts; "Parts arrived"
 * once every part it needs has been received, where the card says so (`arrived`: My jobs).
 */
export function partsLabel(
  signal: JobPartsSignal | undefined,
  status: JobStatus,
  locale: string,
  arrived: boolean,
): PartsLabel | undefined {
  if (!signal) return undefined;
  if (arrived && signal.partsArrived) return { arrived: true, text: 'Parts arrived' };
  if (status === 'waiting_for_parts' && signal.partsEta) {
    return { arrived: false, text: `Parts ETA ${formatDate(signal.partsEta, locale)}` };
  }
  return undefined;
}

export function jobCardView(
  job: JobSummaryDto,
  locale: string,
  extras: { estimate?: EstimateBadge; partsSignal?: JobPartsSignal; arrived?: boolean } = {},
): JobCardView {
  const parts = partsLabel(extras.partsSignal, job.status, locale, extras.arrived ?? false);
  return {
    id: job.id,
    number: job.number,
    title: job.title,
    status: job.status,
    priority: job.priority,
    overdue: job.overdue,
    year: job.vehicle.year,
    make: job.vehicle.make,
    model: job.vehicle.model,
    plate: job.vehicle.plate,
    customer: job.customer.name,
    promised: formatDate(job.promisedAt, locale),
    assignees: job.assignees.map((person) => person.name).join(', '),
    ...(extras.estimate ? { estimate: extras.estimate } : {}),
    ...(parts ? { parts } : {}),
  };
}
