import { estimateBadgeLabels } from '@/db/core/labels';
import type { EstimateBadge } from '@/db/estimates';

/** "Awaiting approval" / "Approved" on the board and My jobs cards (the job's current estimate). */
export function EstimateCardBadge({ badge }: { badge: EstimateBadge | undefined }) {
  if (!badge) return null;
  const tone =
    badge === 'approved' ? 'bg-green-50 text-green-800 ring-green-300' : 'bg-amber-50 text-amber-800 ring-amber-300';
  return <span className={`badge ${tone}`}>{estimateBadgeLabels[badge]}</span>;
}
