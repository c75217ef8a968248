import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';

export default function JobNotFound() {
  return (
    <>
      <PageHeader title="Job not found" />
      <p className="text-slate-700">
        This page could not be found. The job does not exist, or it is not one of your jobs.
      </p>
      <p className="mt-4">
        <Link href="/my-jobs" className="text-brand-700 hover:underline">
          Go to my jobs
        </Link>
      </p>
    </>
  );
}
