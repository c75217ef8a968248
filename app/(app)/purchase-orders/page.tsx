import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate, formatMoney } from '@/components/format';
import { Pager } from '@/components/customers/pager';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { purchaseOrderStatusLabels } from '@/db/core/labels';
import { listPurchaseOrders } from '@/db/parts';
import { getShopSettings } from '@/db/settings';
import { requireActor } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'Purchase orders' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PurchaseOrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = (await searchParams).cursor;
  const cursor = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const [result, settings] = await Promise.all([
    listPurchaseOrders(actor, { cursor, limit: 25 }).catch(() => listPurchaseOrders(actor, { limit: 25 })),
    getShopSettings(actor),
  ]);
  const money = { currency: settings.currency, locale: settings.locale };
  return (
    <>
      <PageHeader
        title="Purchase orders"
        actions={
          actor.role === 'admin' ? (
            <Link href="/purchase-orders/new" className={buttonClasses('primary')}>
              New purchase order
            </Link>
          ) : null
        }
      />
      <div className="rounded-lg border border-slate-200 bg-white">
        <Table>
          <TableHeader>
            <TableHead>Number</TableHead>
            <TableHead>Vendor</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Expected</TableHead>
            <TableHead className="text-right">Lines</TableHead>
            <TableHead className="text-right">Total</TableHead>
          </TableHeader>
          <TableBody>
            {result.data.map((order) => (
              <TableRow key={order.id}>
                <TableCell>
                  <Link href={`/purchase-orders/${order.id}`} className="font-medium text-brand-600 hover:underline">
                    {order.number}
                  </Link>
                </TableCell>
                <TableCell>{order.vendor.name}</TableCell>
                <TableCell>{purchaseOrderStatusLabels[order.status]}</TableCell>
                <TableCell>{formatDate(order.expectedAt, settings.locale)}</TableCell>
                <TableCell className="text-right tabular-nums">{order.lineCount}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(order.totalCents, money)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {result.data.length === 0 ? <p className="px-4 py-3 text-sm text-slate-600">No purchase orders yet.</p> : null}
      </div>
      <Pager basePath="/purchase-orders" params={{}} nextCursor={result.nextCursor} onLaterPage={Boolean(cursor)} />
    </>
  );
}
