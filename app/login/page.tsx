import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { safeCallbackPath } from '@/components/auth/safe-callback';
import { currentActor, homePathFor } from '@/app/_lib/session';
import { shopNeedsSetup } from '@/db/auth/setup';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, expired, setup } = await searchParams;
  const actor = await currentActor();
  if (actor) redirect(homePathFor(actor));
  // A new shop with nobody to sign in: first-run setup creates the first admin.
  if (await shopNeedsSetup()) redirect('/setup');
  const notice =
    setup !== undefined
      ? 'Your shop is set up. Sign in with the email and password you just chose.'
      : expired !== undefined
        ? 'Your session has ended. Please sign in again.'
        : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold">Workshop ERP</h1>
        <p className="mb-6 text-sm text-slate-600">Sign in to continue.</p>
        <LoginForm callbackPath={safeCallbackPath(callbackUrl)} notice={notice} />
      </div>
    </main>
  );
}
