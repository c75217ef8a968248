import type { Metadata } from 'next';
import Link from 'next/link';
import { centsToDecimal, formatDateTime, formatMoney } from '@/components/format';
import { Pager } from '@/components/customers/pager';
import { AdjustStockForm } from '@/components/parts/adjust-stock-form';
import { PartForm } from '@/components/parts/part-form';
import { ReorderFlag } from '@/components/parts/stock-figures';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';
import { stockMovementKindLabels } from '@/db/core/labels';
import { getPart, listStockMovements, listVendors } from '@/db/parts';
import { getShopSettings } from '@/db/settings';
import { requireActor } from '@/app/_lib/session';
import { orNotFound } from '@/components/ui/or-not-found';

export const metadata: Metadata = { title: 'Part' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PartPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const cursorParam = (await searchParams).cursor;
  const cursor = (Array.isArray(cursorParam) ? cursorParam[0] : cursorParam) ?? '';
  const part = await orNotFound(getPart(actor, id));
  const [ledger, settings, vendors] = await Promise.all([
    listStockMovements(actor, id, { cursor, limit: 25 }).catch(() => listStockMovements(actor, id, { limit: 25 })),
    getShopSettings(actor),
    actor.role === 'admin' ? listVendors(actor, { limit: 100 }) : Promise.resolve({ data: [] }),
  ]);
  const money = { currency: settings.currency, locale: settings.locale };
  const figures: [string, string][] = [
    ['On hand', part.onHand],
    ['Reserved', part.reserved],
    ['Available', part.available],
    ['On order', part.onOrder],
    ['Reorder point', part.reorderPoint],
    ['Unit cost', formatMoney(part.unitCostCents, money)],
    ['Unit price', formatMoney(part.unitPriceCents, money)],
    ['Bin', part.bin ?? '—'],
  ];
  return (
    <>
      <PageHeader title={`${part.sku} ${part.name}`}>
        {part.brand ?? ''}
        <ReorderFlag part={part} />
      </PageHeader>
      <dl className="mb-6 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {actor.role === 'admin' ? (
        <section className="mb-6 space-y-4">
          <h2 className="text-lg font-semibold">Adjust stock</h2>
          <AdjustStockForm partId={part.id} />
          <h2 className="text-lg font-semibold">Edit part</h2>
          <PartForm
            partId={part.id}
            vendors={vendors.data}
            initial={{
              sku: part.sku,
              name: part.name,
              brand: part.brand ?? '',
              bin: part.bin ?? '',
              unitCost: centsToDecimal(part.unitCostCents),
              unitPrice: centsToDecimal(part.unitPriceCents),
              reorderPoint: part.reorderPoint,
              vendorId: part.vendorId ?? '',
            }}
          />
        </section>
      ) : null}
      <h2 className="mb-2 text-lg font-semibold">Stock ledger</h2>
      <div className="rounded-lg border border-slate-200 bg-white">
        <Table>
          <TableHeader
            columns={['When', 'Kind', ['Quantity', 'text-right'], ['On hand after', 'text-right'], 'For', 'By']}
          />
          <TableRows rows={ledger.data}>
            {(movement) => (
              <>
                <TableCell>{formatDateTime(movement.createdAt, settings.locale)}</TableCell>
                <TableCell>{stockMovementKindLabels[movement.kind]}</TableCell>
                <TableCell className="text-right tabular-nums">{movement.quantity}</TableCell>
                <TableCell className="text-right tabular-nums">{movement.onHandAfter}</TableCell>
                <TableCell>
                  {movement.purchaseOrder ? (
                    <Link href={`/purchase-orders/${movement.purchaseOrder.id}`} className="text-brand-600 underline">
                      {movement.purchaseOrder.number}
                    </Link>
                  ) : movement.job ? (
                    <Link href={`/jobs/${movement.job.id}`} className="text-brand-600 underline">
                      {movement.job.number}
                    </Link>
                  ) : (
                    movement.reason
                  )}
                </TableCell>
                <TableCell>{movement.createdBy.name}</TableCell>
              </>
            )}
          </TableRows>
        </Table>
        {ledger.data.length === 0 ? <p className="px-4 py-3 text-sm text-slate-600">No stock movements yet.</p> : null}
      </div>
      <Pager basePath={`/parts/${part.id}`} params={{}} nextCursor={ledger.nextCursor} onLaterPage={Boolean(cursor)} />
    </>
  );
}
