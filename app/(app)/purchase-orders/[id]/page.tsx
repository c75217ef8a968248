import type { Metadata } from 'next';
import { formatDate, formatMoney } from '@/components/format';
import { ActionButton } from '@/components/parts/action-button';
import { ExpectedDateForm } from '@/components/parts/expected-date-form';
import { ReceiveForm } from '@/components/parts/receive-form';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';
import { purchaseOrderStatusLabels } from '@/db/core/labels';
import { getPurchaseOrder } from '@/db/parts';
import { getShopSettings } from '@/db/settings';
import { requireActor } from '@/app/_lib/session';
import { cancelPurchaseOrderAction, orderPurchaseOrderAction } from '../actions';
import { orNotFound } from '@/components/ui/or-not-found';

export const metadata: Metadata = { title: 'Purchase order' };

export default async function PurchaseOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const order = await orNotFound(getPurchaseOrder(actor, id));
  const settings = await getShopSettings(actor);
  const money = { currency: settings.currency, locale: settings.locale };
  const isAdmin = actor.role === 'admin';
  const nothingReceived = order.lines.every((line) => line.received === '0.00');
  return (
    <>
      <PageHeader
        title={`Purchase order ${order.number}`}
        actions={
          isAdmin ? (
            <>
              {order.status === 'draft' ? (
                <ActionButton
                  label="Send to vendor"
                  pendingLabel="Sending…"
                  variant="primary"
                  action={orderPurchaseOrderAction.bind(null, order.id)}
                />
              ) : null}
              {(order.status === 'draft' || order.status === 'ordered') && nothingReceived ? (
                <ActionButton
                  label="Cancel order"
                  pendingLabel="Cancelling…"
                  variant="danger"
                  action={cancelPurchaseOrderAction.bind(null, order.id)}
                />
              ) : null}
            </>
          ) : null
        }
      >
        {order.vendor.name} · <span data-testid="po-status">{purchaseOrderStatusLabels[order.status]}</span> · expected{' '}
        {formatDate(order.expectedAt, settings.locale)}
      </PageHeader>
      {isAdmin && order.status === 'draft' ? (
        <div className="mb-4">
          <ExpectedDateForm
            orderId={order.id}
            expectedAt={order.expectedAt ? order.expectedAt.toISOString().slice(0, 10) : ''}
            notes={order.notes ?? ''}
          />
        </div>
      ) : null}
      <div className="mb-6 rounded-lg border border-slate-200 bg-white">
        <Table>
          <TableHeader
            columns={['Item', ['Ordered', 'text-right'], ['Received', 'text-right'], ['Unit cost', 'text-right']]}
          />
          <TableRows rows={order.lines}>
            {(line) => (
              <>
                <TableCell>{line.description}</TableCell>
                <TableCell className="text-right tabular-nums">{line.quantity}</TableCell>
                <TableCell className="text-right tabular-nums">{line.received}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(line.unitCostCents, money)}</TableCell>
              </>
            )}
          </TableRows>
        </Table>
        <p className="px-4 py-2 text-right text-sm font-medium">Total {formatMoney(order.totalCents, money)}</p>
      </div>
      {order.status === 'ordered' || order.status === 'partially_received' ? (
        <ReceiveForm orderId={order.id} lines={order.lines} />
      ) : null}
    </>
  );
}
