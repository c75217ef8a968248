import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { requireActor } from '@/db/session';

export const metadata: Metadata = { title: 'My jobs' };

export default async function MyJobsPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  await requireActor();
  const { denied } = await searchParams;
  return (
    <>
      {denied ? (
        <div className="mb-4">
          <Alert tone="warning">That page is for admins only.</Alert>
        </div>
      ) : null}
      <PageHeader title="My jobs" />
    </>
  );
}
