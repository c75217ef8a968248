// The customer's approval page: outside the signed-in app (no navigation, no sign-in link), reached by the
// link's token alone, showing this estimate and nothing else. Mobile first.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { clientAddress } from '@/app/_lib/client-address';
import { ApprovalForm } from '@/components/estimates/approval-form';
import { DomainError } from '@/db/core/errors';
import { getPublicEstimate, publicShopContact, type PublicEstimateDto } from '@/db/estimates';

export const metadata: Metadata = { title: 'Your estimate', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

export default async function ApprovePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const requestHeaders = await headers();
  let estimate: PublicEstimateDto;
  try {
    estimate = await getPublicEstimate(token, {
      address: clientAddress(requestHeaders),
      userAgent: requestHeaders.get('user-agent'),
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const shop = await publicShopContact();
    const why =
      error.kind === 'gone'
        ? error.message
        : error.kind === 'throttled'
          ? 'Too many requests. Please wait a minute and try again.'
          : 'This link is not valid.';
    return (
      <main className="mx-auto max-w-md p-4">
        <h1 className="mb-2 text-xl font-semibold">{shop.name}</h1>
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          {why} Please call us{shop.phone ? ` at ${shop.phone}` : ''} for an up-to-date estimate.
        </p>
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-md p-4 text-base">
      <header className="mb-4">
        <h1 className="text-xl font-semibold">{estimate.shop.name}</h1>
        {estimate.shop.address ? (
          <p className="text-sm whitespace-pre-line text-slate-600">{estimate.shop.address}</p>
        ) : null}
        {estimate.shop.phone ? (
          <p className="text-sm">
            <a href={`tel:${estimate.shop.phone}`} className="text-brand-700 underline">
              {estimate.shop.phone}
            </a>
          </p>
        ) : null}
      </header>
      <section aria-label="Vehicle" className="mb-4 rounded-lg border border-slate-200 bg-white p-3">
        <p className="font-medium">
          {[estimate.vehicle.year, estimate.vehicle.make, estimate.vehicle.model].filter(Boolean).join(' ')}
          {estimate.vehicle.plate ? ` · ${estimate.vehicle.plate}` : ''}
        </p>
        <p className="text-sm break-words text-slate-600">{estimate.complaint}</p>
      </section>
      <ApprovalForm token={token} estimate={estimate} />
    </main>
  );
}
