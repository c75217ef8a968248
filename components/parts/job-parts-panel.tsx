import { installJobPartAction, orderJobPartAction, returnJobPartAction } from '@/app/(app)/jobs/[id]/parts/actions';
import { formatDate, formatMoney, type Locale } from '@/components/format';
import { Table, TableCell, TableHead, TableHeader, TableRows } from '@/components/ui/table';
import { jobPartStatusLabels } from '@/db/core/labels';
import type { JobPartDto } from '@/db/parts';
import type { JobPartStatus } from '@/db/schema';
import { ActionButton } from './action-button';
import { AddJobPartForm } from './add-job-part-form';
import { PartStatusChip } from './stock-figures';
import { Panel } from '@/components/ui/section';

const tones: Record<JobPartStatus, 'slate' | 'blue' | 'green' | 'amber'> = {
  needed: 'amber',
  ordered: 'blue',
  received: 'green',
  installed: 'slate',
  returned: 'slate',
};

/** The job page's Parts panel: what the job needs, its status, and Order / Install / Return. */
export function JobPartsPanel({
  jobId,
  parts,
  money,
  canAdd,
}: {
  jobId: string;
  parts: JobPartDto[];
  money: Locale;
  canAdd: boolean;
}) {
  return (
    <Panel id="parts-heading" title="Parts" gap="mb-3">
      {parts.length === 0 ? (
        <p className="mb-3 text-sm text-slate-600">No parts yet.</p>
      ) : (
        <Table>
          <TableHeader columns={['Part', ['Quantity', 'text-right'], ['Price', 'text-right'], 'Status']}>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableHeader>
          <TableRows rows={parts} rowProps={{ 'data-testid': 'job-part' }}>
            {(part) => (
              <>
                <TableCell>
                  {part.sku ? <span className="mr-1 font-mono text-xs">{part.sku}</span> : null}
                  {part.description}
                  {part.available !== null ? (
                    <div className="text-xs text-slate-600">{part.available} available</div>
                  ) : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{part.quantity}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(part.unitPriceCents, money)}</TableCell>
                <TableCell>
                  <PartStatusChip label={jobPartStatusLabels[part.status]} tone={tones[part.status]} />
                  {part.purchaseOrder ? (
                    <div className="text-xs text-slate-600">
                      {part.purchaseOrder.number}
                      {part.purchaseOrder.expectedAt
                        ? `, due ${formatDate(part.purchaseOrder.expectedAt, money.locale)}`
                        : ''}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell className="space-x-2 whitespace-nowrap">
                  {part.status === 'needed' && part.partId ? (
                    <ActionButton
                      label={`Order ${part.description}`}
                      pendingLabel="Ordering…"
                      action={orderJobPartAction.bind(null, jobId, part.id)}
                    />
                  ) : null}
                  {part.status === 'needed' || part.status === 'received' ? (
                    <ActionButton
                      label={`Install ${part.description}`}
                      pendingLabel="Installing…"
                      variant="primary"
                      action={installJobPartAction.bind(null, jobId, part.id)}
                    />
                  ) : null}
                  {['needed', 'received', 'installed'].includes(part.status) ? (
                    <ActionButton
                      label={`Return ${part.description}`}
                      pendingLabel="Returning…"
                      action={returnJobPartAction.bind(null, jobId, part.id)}
                    />
                  ) : null}
                </TableCell>
              </>
            )}
          </TableRows>
        </Table>
      )}
      {canAdd ? <AddJobPartForm jobId={jobId} /> : null}
    </Panel>
  );
}
