import type { Metadata } from 'next';
import { VendorForm } from '@/components/parts/vendor-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdminPage } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'New vendor' };

export default async function NewVendorPage() {
  await requireAdminPage();
  return (
    <>
      <PageHeader title="New vendor" />
      <VendorForm vendorId={null} initial={{}} />
    </>
  );
}
