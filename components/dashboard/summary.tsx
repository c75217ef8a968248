import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDateTime, formatMoney, type Locale } from '@/components/format';

import { ButtonLink } from '@/components/ui/button';
import { jobStatusLabels } from '@/db/core/labels';

import { NOT_INVOICED_DAYS, openJobStatuses, type DashboardSummaryDto } from '@/db/dashboard';

function Tile({
  href,
  label,
  value,
  detail,
  tone = 'plain',
}: {
  href: string;
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  tone?: 'plain' | 'warning';
}) {
  const toneClasses =
    tone === 'warning'
      ? 'border-amber-300 bg-amber-50 hover:border-amber-400'
      : 'border-slate-200 bg-white hover:border-brand-600';
  return (
    <Link href={href} className={`block rounded-lg border p-4 transition-colors ${toneClasses}`}>
      <span className="block text-sm font-medium text-slate-600">{label}</span>
      <span className="mt-1 block text-3xl font-semibold text-slate-900">{value}</span>
      {detail ? <span className="mt-1 block text-sm text-slate-600">{detail}</span> : null}
    </Link>
  );
}

export function DashboardSummary({ summary, money }: { summary: DashboardSummaryDto; money: Locale }) {
  const invoicesOpen = summary.unpaidInvoices + summary.partiallyPaidInvoices;
  return (
    <div className="space-y-8">
      <section aria-labelledby="open-jobs-heading">
        <h2 id="open-jobs-heading" className="mb-3 text-lg font-semibold">
          Open jobs <span className="text-base font-normal text-slate-500">({summary.openJobs})</span>
        </h2>
        <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
          {openJobStatuses.map((status) => (
            <Tile
              key={status}
              href={`/jobs?status=${status}`}
              label={jobStatusLabels[status]}
              value={summary.openJobsByStatus[status]}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="attention-heading">
        <h2 id="attention-heading" className="mb-3 text-lg font-semibold">
          Needs attention
        </h2>
        <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
          <Tile
            href="/jobs?overdue=true"
            label="Overdue jobs"
            value={summary.overdueJobs}
            detail="Promised date passed, not completed or cancelled"
            tone={summary.overdueJobs > 0 ? 'warning' : 'plain'}
          />
          <Tile
            href="/jobs?status=completed"
            label="Completed, not invoiced"
            value={summary.completedNotInvoiced}
            detail={`Completed in the last ${NOT_INVOICED_DAYS} days, ready for an invoice`}
            tone={summary.completedNotInvoiced > 0 ? 'warning' : 'plain'}
          />
          <Tile
            href="/invoices?balance=open"
            label="Unpaid invoices"
            value={invoicesOpen}
            detail={
              <>
                Open balance <strong className="text-slate-900">{formatMoney(summary.openBalanceCents, money)}</strong>
                <br />
                {summary.unpaidInvoices} unpaid · {summary.partiallyPaidInvoices} partially paid
              </>
            }
          />
        </div>
      </section>

      <p className="text-xs text-slate-500">As of {formatDateTime(summary.asOf, money.locale)}.</p>
    </div>
  );
}

/** Where the owner goes next; no data, so it is sent with the page header. */
export function DashboardQuickLinks() {
  return (
    <section aria-labelledby="quick-links-heading">
      <h2 id="quick-links-heading" className="mb-3 text-lg font-semibold">
        Quick links
      </h2>
      <nav aria-label="Quick links" className="flex flex-wrap gap-3">
        <ButtonLink href="/customers/new">New customer</ButtonLink>
        <ButtonLink href="/jobs" variant="secondary">
          Job board
        </ButtonLink>
        <ButtonLink href="/invoices" variant="secondary">
          Invoices
        </ButtonLink>
        <ButtonLink href="/settings" variant="secondary">
          Shop settings
        </ButtonLink>
      </nav>
    </section>
  );
}

/** Holds the numbers' place while their queries run (the page streams them in). */
export function DashboardSummarySkeleton() {
  const tiles = (count: number) =>
    Array.from({ length: count }, (_, index) => (
      <div key={index} className="h-[5.5rem] animate-pulse rounded-lg border border-slate-200 bg-slate-100" />
    ));
  const section = (count: number) => (
    <div>
      <div className="mb-3 h-7 w-40 rounded bg-slate-100" />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3">{tiles(count)}</div>
    </div>
  );
  return (
    <div className="space-y-8" role="status" aria-busy="true" aria-label="Loading the dashboard numbers">
      {section(3)}
      {section(3)}
    </div>
  );
}
