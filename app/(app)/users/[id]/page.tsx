import type { Metadata } from 'next';
import type { DetailPageProps } from '@/app/_lib/page-params';
import { orNotFound } from '@/components/ui/or-not-found';
import { BackLink } from '@/components/ui/back-link';
import { formatDate } from '@/components/format';
import { PageHeader } from '@/components/ui/page-header';
import { FlashToast } from '@/components/ui/flash-toast';
import { EditUserForm } from '@/components/users/edit-user-form';
import { ResetPasswordForm } from '@/components/users/reset-password-form';
import { UserAccess } from '@/components/users/user-access';
import { requireAdminPage } from '@/app/_lib/session';
import { getShopSettings } from '@/db/settings';
import { getUser } from '@/db/users';
import { Panel } from '@/components/ui/section';

export const metadata: Metadata = { title: 'User' };

export default async function UserPage({ params, searchParams }: DetailPageProps<{ created?: string }>) {
  const actor = await requireAdminPage();
  const { id } = await params;
  const { created } = await searchParams;
  const user = await orNotFound(getUser(actor, id));
  const { locale } = await getShopSettings(actor);
  const isSelf = user.id === actor.id;

  return (
    <>
      {created ? <FlashToast message="User created." /> : null}
      <BackLink href="/users">Users</BackLink>
      <PageHeader title={user.name}>
        <span className="capitalize">{user.role}</span> ·{' '}
        {user.active ? (
          <span className="text-green-800">Active</span>
        ) : (
          <span className="font-medium text-red-700">Deactivated {formatDate(user.deactivatedAt, locale)}</span>
        )}{' '}
        · added {formatDate(user.createdAt, locale)}
        {isSelf ? ' · this is you' : ''}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="details-heading" title="Details" gap="mb-4">
          <EditUserForm user={user} isSelf={isSelf} />
        </Panel>
        <div className="space-y-6">
          <Panel id="password-heading" title="Reset password" gap="mb-4">
            <ResetPasswordForm userId={user.id} />
          </Panel>
          <Panel id="access-heading" title="Access">
            <p className="mb-4 text-sm text-slate-600">
              {user.active
                ? 'Deactivating stops them signing in and ends their open sessions at once. Nothing they did is deleted.'
                : 'This user cannot sign in. Reactivating lets them sign in again with their password.'}
            </p>
            <UserAccess user={user} isSelf={isSelf} />
          </Panel>
        </div>
      </div>
    </>
  );
}
