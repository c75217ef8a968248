import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate, formatMoney } from '@/components/format';
import { SearchableList } from '@/components/customers/searchable-list';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';
import { purchaseOrderStatusLabels } from '@/db/core/labels';
import { listPurchaseOrders } from '@/db/parts';
import { getShopSettings } from '@/db/settings';
import { listPageOrFirst, readListQuery, type SearchParams } from '@/app/_lib/page-params';
import { requireActor } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'Purchase orders' };

export default async function PurchaseOrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const query = { ...(await readListQuery(searchParams)), keep: {} };
  const [{ result, badCursor }, settings] = await Promise.all([
    listPageOrFirst(query.cursor, (cursor) => listPurchaseOrders(actor, { cursor, limit: 25 })),
    getShopSettings(actor),
  ]);
  const money = { currency: settings.currency, locale: settings.locale };
  return (
    <>
      <PageHeader
        title="Purchase orders"
        actions={
          actor.role === 'admin' ? <ButtonLink href="/purchase-orders/new">New purchase order</ButtonLink> : null
        }
      />
      <SearchableList
        basePath="/purchase-orders"
        page={{ query, badCursor, result }}
        empty={result.data.length === 0 ? 'No purchase orders yet.' : null}
      >
        <Table>
          <TableHeader
            columns={['Number', 'Vendor', 'Status', 'Expected', ['Lines', 'text-right'], ['Total', 'text-right']]}
          />
          <TableRows rows={result.data}>
            {(order) => (
              <>
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
              </>
            )}
          </TableRows>
        </Table>
      </SearchableList>
    </>
  );
}
