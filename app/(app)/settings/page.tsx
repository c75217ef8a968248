import type { Metadata } from 'next';
import Link from 'next/link';
import { ShopSettingsForm } from '@/components/settings/shop-settings-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdminPage } from '@/app/_lib/session';
import { getShopSettings } from '@/db/settings';

export const metadata: Metadata = { title: 'Shop settings' };

export default async function SettingsPage() {
  const actor = await requireAdminPage();
  const settings = await getShopSettings(actor);
  return (
    <>
      <PageHeader title="Shop settings">
        Printed on invoices and used to price them. A change applies to invoices issued from now on;{' '}
        <Link href="/invoices" className="text-brand-700 underline">
          issued invoices
        </Link>{' '}
        keep their rates.
      </PageHeader>
      <ShopSettingsForm settings={settings} />
    </>
  );
}
