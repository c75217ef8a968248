import type { Metadata } from 'next';
import { PurchaseOrderForm } from '@/components/parts/purchase-order-form';
import { PageHeader } from '@/components/ui/page-header';
import { listParts, listVendors } from '@/db/parts';
import { requireAdminPage } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'New purchase order' };

export default async function NewPurchaseOrderPage() {
  const actor = await requireAdminPage();
  const [vendors, parts] = await Promise.all([listVendors(actor, { limit: 100 }), listParts(actor, { limit: 100 })]);
  return (
    <>
      <PageHeader title="New purchase order" />
      <PurchaseOrderForm vendors={vendors.data} parts={parts.data} />
    </>
  );
}
