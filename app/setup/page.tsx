import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SetupForm } from '@/components/auth/setup-form';
import { shopNeedsSetup } from '@/db/auth/setup';

export const metadata: Metadata = { title: 'Set up your shop' };
export const dynamic = 'force-dynamic';

/** First run only: gone (404) as soon as the shop has any user. */
export default async function SetupPage() {
  if (!(await shopNeedsSetup())) notFound();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold">Set up your shop</h1>
        <p className="mb-6 text-sm text-slate-600">
          Name the shop and create the first administrator. This screen disappears once it is done.
        </p>
        <SetupForm />
      </div>
    </main>
  );
}
