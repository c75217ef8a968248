import type { Metadata } from 'next';
import { formatDate } from '@/components/format';
import { InvoiceDocument, InvoiceParties } from '@/components/invoices/invoice-document';
import { orNotFound } from '@/components/ui/or-not-found';
import { PrintDocument } from '@/components/invoices/print-document';
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
    <PrintDocument
      back={{ href: `/invoices/${invoice.id}`, label: 'Back to invoice' }}
      shop={{ shopName: settings.shopName, address: settings.address }}
      heading={
        <>
          <h1 className="text-2xl font-semibold">Invoice {invoice.number}</h1>
          <p className="text-sm">Date {formatDate(invoice.issuedAt, settings.locale)}</p>
          <p className="text-sm">Job {invoice.job.number}</p>
          <p className="text-sm font-medium">
            {invoice.status === 'void' ? `VOID — ${invoice.voidReason}` : paymentStatusLabels[invoice.paymentStatus]}
          </p>
        </>
      }
    >
      <div className="mb-8 grid grid-cols-2 gap-6 text-sm">
        <InvoiceParties
          invoice={invoice}
          locale={settings.locale}
          vehicleNote={<p className="mt-1">{invoice.job.title}</p>}
        />
      </div>

      <InvoiceDocument invoice={invoice} money={money} />
    </PrintDocument>
  );
}
