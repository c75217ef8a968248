import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdminPage } from '@/db/session';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await requireAdminPage();
  return <PageHeader title="Dashboard">Welcome back, {actor.name}.</PageHeader>;
}
