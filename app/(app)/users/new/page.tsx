import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { NewUserForm } from '@/components/users/new-user-form';
import { requireAdminPage } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'New user' };

export default async function NewUserPage() {
  await requireAdminPage();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/users" className="text-brand-700 hover:underline">
          ← Users
        </Link>
      </p>
      <PageHeader title="New user">Workers see their own jobs; admins run the whole shop.</PageHeader>
      <NewUserForm />
    </>
  );
}
