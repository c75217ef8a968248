// The job page's Estimate panel: the current version, its status, totals and approved total; the buttons New
// estimate / Edit / Send to customer / Record phone approval / Revise; and every version with its answer.
import Link from 'next/link';
import { formatDateTime, formatMoney } from '@/components/format';
import { buttonClasses } from '@/components/ui/button';
import type { Actor } from '@/db/core/actor';
import { authorizationChannelLabels, estimateStatusLabels } from '@/db/core/labels';
import { listJobEstimates, type EstimateDto } from '@/db/estimates';
import { getShopSettings } from '@/db/settings';
import { EstimateActions } from './estimate-actions';

export function EstimateStatusBadge({ status }: { status: EstimateDto['status'] }) {
  const tone =
    status === 'approved'
      ? 'bg-green-50 text-green-800 ring-green-300'
      : status === 'sent'
        ? 'bg-amber-50 text-amber-800 ring-amber-300'
        : 'bg-slate-100 text-slate-700 ring-slate-300';
  return (
    <span className={`badge ${tone}`} data-testid="estimate-status">
      {estimateStatusLabels[status]}
    </span>
  );
}

export async function EstimatePanel({ actor, jobId }: { actor: Actor; jobId: string }) {
  const [versions, settings] = await Promise.all([listJobEstimates(actor, jobId), getShopSettings(actor)]);
  const money = { currency: settings.currency, locale: settings.locale };
  const current = versions.find((version) => version.status !== 'superseded') ?? null;
  return (
    <section aria-labelledby="estimate-heading" className="rounded-lg border border-slate-200 bg-white p-6">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="estimate-heading" className="text-lg font-semibold">
          Estimate
        </h2>
        <div className="flex flex-wrap gap-2">
          {current?.status === 'draft' ? (
            <Link href={`/jobs/${jobId}/estimate`} className={buttonClasses('secondary')}>
              Edit
            </Link>
          ) : (
            <Link href={`/jobs/${jobId}/estimate`} className={buttonClasses('secondary')}>
              New estimate
            </Link>
          )}
          {current ? (
            <Link href={`/estimates/${current.id}/print`} className={buttonClasses('ghost')}>
              Print
            </Link>
          ) : null}
        </div>
      </div>
      {current ? (
        <>
          <p className="mb-2 flex items-center gap-2 text-sm">
            Version {current.version} <EstimateStatusBadge status={current.status} />
          </p>
          <dl className="mb-3 grid grid-cols-2 gap-1 text-sm">
            <dt>Total with tax</dt>
            <dd className="text-right font-medium">{formatMoney(current.totalCents, money)}</dd>
            <dt>Approved total</dt>
            <dd className="text-right font-medium" data-testid="approved-total">
              {current.approvedTotalCents === null ? '—' : formatMoney(current.approvedTotalCents, money)}
            </dd>
            {current.expiresAt ? (
              <>
                <dt>Link expires</dt>
                <dd className="text-right">{formatDateTime(current.expiresAt, settings.locale)}</dd>
              </>
            ) : null}
          </dl>
          <EstimateActions
            jobId={jobId}
            estimateId={current.id}
            status={current.status}
            lines={current.lines.map((line) => ({
              id: line.id,
              label: `${line.description} — ${formatMoney(line.totalCents, money)}`,
            }))}
          />
        </>
      ) : (
        <p className="text-sm text-slate-600">No estimate yet.</p>
      )}
      {versions.length > 0 ? (
        <ol className="mt-4 space-y-1 border-t border-slate-200 pt-3 text-sm" aria-label="Estimate versions">
          {versions.map((version) => (
            <li key={version.id}>
              v{version.version} · {estimateStatusLabels[version.status]} · {formatMoney(version.totalCents, money)}
              {version.authorizations.map((answer) => (
                <span key={answer.id} className="block text-slate-600">
                  {authorizationChannelLabels[answer.channel]}: {answer.authorizedBy},{' '}
                  {formatMoney(answer.approvedTotalCents, money)} approved ·{' '}
                  {formatDateTime(answer.createdAt, settings.locale)}
                </span>
              ))}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
