import type { Metadata } from 'next';
import Link from 'next/link';
import { VendorForm } from '@/components/parts/vendor-form';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';
import { formatDate } from '@/components/format';
import { purchaseOrderStatusLabels } from '@/db/core/labels';
import { getVendor, listPurchaseOrders } from '@/db/parts';
import { requireAdminPage } from '@/app/_lib/session';
import { orNotFound } from '@/components/ui/or-not-found';

export const metadata: Metadata = { title: 'Vendor' };

export default async function VendorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminPage();
  const { id } = await params;
  const vendor = await orNotFound(getVendor(actor, id));
  const orders = await listPurchaseOrders(actor, { vendorId: id, limit: 25 });
  return (
    <>
      <PageHeader title={vendor.name}>{vendor.archived ? 'Archived' : null}</PageHeader>
      <VendorForm
        vendorId={vendor.id}
        initial={{
          name: vendor.name,
          contactName: vendor.contactName ?? '',
          phone: vendor.phone ?? '',
          email: vendor.email ?? '',
          accountNumber: vendor.accountNumber ?? '',
        }}
      />
      <h2 className="mt-6 mb-2 text-lg font-semibold">Purchase orders</h2>
      <div className="rounded-lg border border-slate-200 bg-white">
        <Table>
          <TableHeader columns={['Number', 'Status', 'Expected']} />
          <TableRows rows={orders.data}>
            {(order) => (
              <>
                <TableCell>
                  <Link href={`/purchase-orders/${order.id}`} className="text-brand-600 underline">
                    {order.number}
                  </Link>
                </TableCell>
                <TableCell>{purchaseOrderStatusLabels[order.status]}</TableCell>
                <TableCell>{formatDate(order.expectedAt)}</TableCell>
              </>
            )}
          </TableRows>
        </Table>
      </div>
    </>
  );
}
