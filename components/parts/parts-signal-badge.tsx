import { formatDate } from '@/components/format';
import type { JobPartsSignal } from '@/db/parts';
import type { JobStatus } from '@/db/schema';

/**
 * On a job's card: "Parts ETA" (the latest expected date of its open order lines) while it waits for parts, and
 * "Parts arrived" once every part it needs has been received.
 */
export function PartsSignalBadge({
  signal,
  status,
  locale,
  arrived = false,
}: {
  signal: JobPartsSignal | undefined;
  status: JobStatus;
  locale: string;
  arrived?: boolean;
}) {
  if (!signal) return null;
  if (arrived && signal.partsArrived) {
    return <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-900">Parts arrived</span>;
  }
  if (status === 'waiting_for_parts' && signal.partsEta) {
    return (
      <span className="rounded bg-blue-100 px-1.5 py-0.5 text-xs font-medium text-blue-900">
        Parts ETA {formatDate(signal.partsEta, locale)}
      </span>
    );
  }
  return null;
}
