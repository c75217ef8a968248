import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireActor } from '@/db/session';

export const metadata: Metadata = { title: 'Customers' };

export default async function CustomersPage() {
  await requireActor();
  return <PageHeader title="Customers" />;
}
