import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdminPage } from '@/db/session';

export const metadata: Metadata = { title: 'Invoices' };

export default async function InvoicesPage() {
  await requireAdminPage();
  return <PageHeader title="Invoices" />;
}
