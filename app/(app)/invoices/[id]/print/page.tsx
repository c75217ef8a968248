import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate } from '@/components/format';
import { InvoiceDocument, InvoiceParties } from '@/components/invoices/invoice-document';
import { orNotFound } from '@/components/ui/or-not-found';
import { PrintButton } from '@/components/invoices/print-button';
import '@/components/invoices/print.css';
import { buttonClasses } from '@/components/ui/button';
import { paymentStatusLabels } from '@/db/core/labels';
import { getInvoice } from '@/db/invoices';
import { requireAdminPage } from '@/app/_lib/session';
import { getShopSettings } from '@/db/settings';

export const metadata: Metadata = { title: 'Print invoice' };

export default async function PrintInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminPage();
  const { id } = await params;
  const [invoice, settings] = await Promise.all([orNotFound(getInvoice(actor, id)), getShopSettings(actor)]);
  const money = { currency: invoice.currency, locale: settings.locale };

  return (
    <article className="invoice-print mx-auto max-w-4xl rounded-lg bg-white p-8 shadow-sm print:rounded-none print:p-0 print:shadow-none">
      <div className="no-print mb-6 flex justify-end gap-2">
        <Link href={`/invoices/${invoice.id}`} className={buttonClasses('secondary')}>
          Back to invoice
        </Link>
        <PrintButton />
      </div>

      <header className="mb-8 flex flex-wrap items-start justify-between gap-6">
        <div>
          <p className="text-2xl font-bold" data-testid="shop-name">
            {settings.shopName}
          </p>
          {settings.address ? <p className="whitespace-pre-line text-sm text-slate-700">{settings.address}</p> : null}
        </div>
        <div className="text-right">
          <h1 className="text-2xl font-semibold">Invoice {invoice.number}</h1>
          <p className="text-sm">Date {formatDate(invoice.issuedAt, settings.locale)}</p>
          <p className="text-sm">Job {invoice.job.number}</p>
          <p className="text-sm font-medium">
            {invoice.status === 'void' ? `VOID — ${invoice.voidReason}` : paymentStatusLabels[invoice.paymentStatus]}
          </p>
        </div>
      </header>

      <div className="mb-8 grid grid-cols-2 gap-6 text-sm">
        <InvoiceParties
          invoice={invoice}
          locale={settings.locale}
          vehicleNote={<p className="mt-1">{invoice.job.title}</p>}
        />
      </div>

      <InvoiceDocument invoice={invoice} money={money} />
    </article>
  );
}
