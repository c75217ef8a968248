import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardQuickLinks, DashboardSummary, DashboardSummarySkeleton } from '@/components/dashboard/summary';
import { PageHeader } from '@/components/ui/page-header';
import type { Actor } from '@/db/core/actor';
import { getDashboardSummary } from '@/db/dashboard';
import { requireAdminPage } from '@/app/_lib/session';
import { getShopSettings, type ShopSettingsDto } from '@/db/settings';
import { getWeeklyHours } from '@/db/time';
import { WeeklyHours } from '@/components/time/weekly-hours';

export const metadata: Metadata = { title: 'Dashboard' };

// The aggregates are the slow part of this screen: the header and quick links go out at once and the numbers
// stream in when their queries answer (a skeleton holds their place meanwhile).
async function Summary({ actor, settings }: { actor: Actor; settings: ShopSettingsDto }) {
  const summary = await getDashboardSummary(actor);
  return <DashboardSummary summary={summary} money={{ currency: settings.currency, locale: settings.locale }} />;
}

async function Hours({ actor }: { actor: Actor }) {
  return <WeeklyHours weeks={await getWeeklyHours(actor)} />;
}

export default async function DashboardPage() {
  const actor = await requireAdminPage();
  const settings = await getShopSettings(actor);
  return (
    <>
      <PageHeader title="Dashboard">
        Welcome back, {actor.name}. {settings.shopName} at a glance.
      </PageHeader>
      <div className="space-y-8">
        <Suspense fallback={<DashboardSummarySkeleton />}>
          <Summary actor={actor} settings={settings} />
        </Suspense>
        <Suspense fallback={null}>
          <Hours actor={actor} />
        </Suspense>
        <DashboardQuickLinks />
      </div>
    </>
  );
}
