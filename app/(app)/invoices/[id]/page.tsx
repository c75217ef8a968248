import type { Metadata } from 'next';
import Link from 'next/link';
import { centsToDecimal, formatDate, formatDateTime, formatMoney } from '@/components/format';
import { FlashToast } from '@/components/ui/flash-toast';
import { HeaderBlock, InvoiceDocument, InvoiceParties } from '@/components/invoices/invoice-document';
import { orNotFound } from '@/components/ui/or-not-found';
import { PaymentStatusBadge } from '@/components/invoices/payment-status-badge';
import { RecordPaymentForm } from '@/components/invoices/record-payment-form';
import { VoidInvoiceButton } from '@/components/invoices/void-invoice-button';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getInvoice } from '@/db/invoices';
import { requireAdminPage } from '@/app/_lib/session';
import { getShopSettings } from '@/db/settings';

export const metadata: Metadata = { title: 'Invoice' };

export default async function InvoicePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ issued?: string; paid?: string }>;
}) {
  const actor = await requireAdminPage();
  const [{ id }, { issued, paid }] = await Promise.all([params, searchParams]);
  const [invoice, settings] = await Promise.all([orNotFound(getInvoice(actor, id)), getShopSettings(actor)]);
  const money = { currency: invoice.currency, locale: settings.locale };
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <PageHeader
        title={`Invoice ${invoice.number}`}
        actions={
          <>
            <Link href={`/invoices/${invoice.id}/print`} className={buttonClasses('secondary')}>
              Print
            </Link>
            {invoice.status !== 'void' ? (
              <VoidInvoiceButton invoiceId={invoice.id} number={invoice.number} paid={invoice.paidCents > 0} />
            ) : null}
          </>
        }
      >
        <span className="inline-flex flex-wrap items-center gap-2">
          <PaymentStatusBadge status={invoice.paymentStatus} />
          Issued {formatDate(invoice.issuedAt, settings.locale)} by {invoice.issuedBy.name} ·{' '}
          <Link href="/invoices" className="text-brand-700 underline">
            All invoices
          </Link>
        </span>
      </PageHeader>
      {issued ? <FlashToast message={`Invoice ${invoice.number} issued.`} /> : null}
      {paid ? <FlashToast message="Payment recorded. The invoice is paid in full." /> : null}

      {invoice.status === 'void' ? (
        <div className="mb-6">
          <Alert tone="warning">
            Void since {formatDateTime(invoice.voidedAt, settings.locale)}
            {invoice.voidedBy ? ` (${invoice.voidedBy.name})` : ''}: {invoice.voidReason}. The number stays used.{' '}
            <Link href={`/jobs/${invoice.job.id}/invoice`} className="font-medium underline">
              Invoice {invoice.job.number} again
            </Link>
          </Alert>
        </div>
      ) : null}

      <div className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
        <InvoiceParties invoice={invoice} locale={settings.locale} />
        <HeaderBlock title="Job">
          <Link href={`/jobs/${invoice.job.id}`} className="font-medium text-brand-700 underline">
            {invoice.job.number}
          </Link>
          <p>{invoice.job.title}</p>
        </HeaderBlock>
      </div>

      <InvoiceDocument invoice={invoice} money={money} />

      {invoice.status !== 'void' ? (
        <section
          aria-labelledby="record-payment-heading"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="record-payment-heading" className="mb-3 text-lg font-semibold">
            Record payment
          </h2>
          {invoice.balanceCents === 0 ? (
            <p className="text-sm text-green-800">Paid in full ({formatMoney(invoice.totalCents, money)}).</p>
          ) : (
            <RecordPaymentForm
              invoiceId={invoice.id}
              balance={centsToDecimal(invoice.balanceCents)}
              currency={invoice.currency}
              today={today}
            />
          )}
        </section>
      ) : null}
    </>
  );
}
