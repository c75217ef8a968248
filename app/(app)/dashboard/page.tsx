import type { Metadata } from 'next';
import { DashboardSummary } from '@/components/dashboard/summary';
import { PageHeader } from '@/components/ui/page-header';
import { getDashboardSummary } from '@/db/dashboard';
import { requireAdminPage } from '@/db/session';
import { getShopSettings } from '@/db/settings';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await requireAdminPage();
  const [summary, settings] = await Promise.all([getDashboardSummary(actor), getShopSettings(actor)]);
  return (
    <>
      <PageHeader title="Dashboard">
        Welcome back, {actor.name}. {settings.shopName} at a glance.
      </PageHeader>
      <DashboardSummary summary={summary} money={{ currency: settings.currency, locale: settings.locale }} />
    </>
  );
}
