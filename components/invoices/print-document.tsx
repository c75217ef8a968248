import Link from 'next/link';
import type { ReactNode } from 'react';
import { PrintButton } from '@/components/invoices/print-button';
import '@/components/invoices/print.css';
import { buttonClasses } from '@/components/ui/button';

/**
 * A document on paper (invoice, estimate): the back link and print button (not printed), the shop's name and
 * address with the document's `heading` block on the right, then the document.
 */
export function PrintDocument({
  back,
  shop,
  heading,
  children,
}: {
  back: { href: string; label: string };
  shop: { shopName: string; address: string | null; phone?: string | null };
  heading: ReactNode;
  children: ReactNode;
}) {
  return (
    <article className="invoice-print mx-auto max-w-4xl rounded-lg bg-white p-8 shadow-sm print:rounded-none print:p-0 print:shadow-none">
      <div className="no-print mb-6 flex justify-end gap-2">
        <Link href={back.href} className={buttonClasses('secondary')}>
          {back.label}
        </Link>
        <PrintButton />
      </div>
      <header className="mb-8 flex flex-wrap items-start justify-between gap-6">
        <div>
          <p className="text-2xl font-bold" data-testid="shop-name">
            {shop.shopName}
          </p>
          {shop.address ? <p className="text-sm whitespace-pre-line text-slate-700">{shop.address}</p> : null}
          {shop.phone ? <p className="text-sm">{shop.phone}</p> : null}
        </div>
        <div className="text-right">{heading}</div>
      </header>
      {children}
    </article>
  );
}
