import type { PartDto } from '@/db/parts';

/** "Reorder" when available + on order is below the reorder point. */
export function ReorderFlag({ part }: { part: Pick<PartDto, 'reorder'> }) {
  if (!part.reorder) return null;
  return <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Reorder</span>;
}

export function PartStatusChip({ label, tone }: { label: string; tone: 'slate' | 'blue' | 'green' | 'amber' }) {
  const tones = {
    slate: 'bg-slate-100 text-slate-800',
    blue: 'bg-blue-100 text-blue-900',
    green: 'bg-green-100 text-green-900',
    amber: 'bg-amber-100 text-amber-900',
  };
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tones[tone]}`}>{label}</span>;
}
