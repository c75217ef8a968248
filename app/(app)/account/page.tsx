import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireActor } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requireActor();
  return (
    <>
      <PageHeader title="Your account">
        Signed in as {actor.name} ({actor.email}). Changing your password signs you out everywhere else.
      </PageHeader>
      <ChangePasswordForm />
    </>
  );
}
