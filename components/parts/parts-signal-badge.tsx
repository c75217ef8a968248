import type { PartsLabel } from '@/components/jobs/card-view';

/** On a job's card: "Parts ETA …" or "Parts arrived" (`partsLabel` in components/jobs/card-view.ts decides). */
export function PartsSignalBadge({ label }: { label: PartsLabel | undefined }) {
  if (!label) return null;
  return label.arrived ? (
    <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-900">{label.text}</span>
  ) : (
    <span className="rounded bg-blue-100 px-1.5 py-0.5 text-xs font-medium text-blue-900">{label.text}</span>
  );
}
