import type { Metadata } from 'next';
import { PartForm } from '@/components/parts/part-form';
import { PageHeader } from '@/components/ui/page-header';
import { listVendors } from '@/db/parts';
import { requireAdminPage } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'New part' };

export default async function NewPartPage() {
  const actor = await requireAdminPage();
  const vendors = await listVendors(actor, { limit: 100 });
  return (
    <>
      <PageHeader title="New part" />
      <PartForm partId={null} initial={{ reorderPoint: '0' }} vendors={vendors.data} />
    </>
  );
}
