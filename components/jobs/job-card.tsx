'use client';

import Link from 'next/link';
import { EstimateCardBadge } from '@/components/estimates/estimate-card-badge';
import { PartsSignalBadge } from '@/components/parts/parts-signal-badge';
import { OverdueBadge, PriorityBadge, StatusBadge } from './badges';
import type { JobCardView } from './card-view';

/**
 * A compact card for the board: number, complaint, vehicle, customer, promise and who is on it. A client leaf fed
 * strings (`jobCardView`), so a card costs its markup and a few fields, not its element tree twice over.
 */
export function BoardCard({ card }: { card: JobCardView }) {
  const vehicle = `${card.make} ${card.model}`;
  return (
    <li className="board-card">
      <Link href={`/jobs/${card.id}`} className="board-card-title">
        <span className="text-slate-500">{card.number}</span> {card.title}
      </Link>
      <p className="mt-1 truncate text-slate-700" title={`${vehicle} ${card.plate ?? ''}`}>
        {card.plate ? `${vehicle} · ${card.plate}` : vehicle}
      </p>
      <p className="truncate text-slate-600">{card.customer}</p>
      <div className="mt-2 flex flex-wrap items-center gap-1">
        <PriorityBadge priority={card.priority} />
        {card.overdue ? <OverdueBadge /> : null}
        <EstimateCardBadge badge={card.estimate} />
        <PartsSignalBadge label={card.parts} />
      </div>
      <p className={`mt-1 text-xs ${card.overdue ? 'font-medium text-red-700' : 'text-slate-500'}`}>
        {`Promised ${card.promised}`}
      </p>
      <p className="truncate text-xs text-slate-500">{card.assignees || 'Unassigned'}</p>
      <span className="sr-only">
        <StatusBadge status={card.status} />
      </span>
    </li>
  );
}
