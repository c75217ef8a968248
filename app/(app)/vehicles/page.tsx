import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireActor } from '@/db/session';

export const metadata: Metadata = { title: 'Vehicles' };

export default async function VehiclesPage() {
  await requireActor();
  return <PageHeader title="Vehicles" />;
}
