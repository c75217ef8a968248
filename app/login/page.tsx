import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { currentActor, homePathFor } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; expired?: string }>;
}) {
  const { callbackUrl, expired } = await searchParams;
  const actor = await currentActor();
  if (actor) redirect(homePathFor(actor));
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold">Workshop ERP</h1>
        <p className="mb-6 text-sm text-slate-600">Sign in to continue.</p>
        <LoginForm
          callbackUrl={callbackUrl}
          notice={expired ? 'Your session has ended. Please sign in again.' : undefined}
        />
      </div>
    </main>
  );
}
