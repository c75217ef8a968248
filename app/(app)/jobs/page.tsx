import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdminPage } from '@/db/session';

export const metadata: Metadata = { title: 'Jobs' };

export default async function JobsPage() {
  await requireAdminPage();
  return <PageHeader title="Jobs" />;
}
