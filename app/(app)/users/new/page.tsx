import type { Metadata } from 'next';
import { BackLink } from '@/components/ui/back-link';
import { PageHeader } from '@/components/ui/page-header';
import { NewUserForm } from '@/components/users/new-user-form';
import { requireAdminPage } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'New user' };

export default async function NewUserPage() {
  await requireAdminPage();
  return (
    <>
      <BackLink href="/users">Users</BackLink>
      <PageHeader title="New user">Workers see their own jobs; admins run the whole shop.</PageHeader>
      <NewUserForm />
    </>
  );
}
