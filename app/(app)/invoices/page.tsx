import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate, formatMoney } from '@/components/format';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRows } from '@/components/ui/table';
import { PaymentStatusBadge } from '@/components/invoices/payment-status-badge';
import { ButtonLink, buttonClasses } from '@/components/ui/button';
import { FilterSelect, optionsOf } from '@/components/ui/fields';
import { PageHeader } from '@/components/ui/page-header';
import { paymentStatusLabels } from '@/db/core/labels';
import { listInvoices, listJobsReadyToInvoice, paymentStatuses } from '@/db/invoices';
import { requireAdminPage } from '@/app/_lib/session';
import { getShopSettings } from '@/db/settings';
import { param, readSearchParams, type RawSearchParams } from '@/app/_lib/search-params';
import { Section } from '@/components/ui/section';

export const metadata: Metadata = { title: 'Invoices' };

type Search = { status?: string; balance?: string; cursor?: string; ready?: string };

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value);
}

function href(search: Search): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/invoices?${query}` : '/invoices';
}

const statusOptions = optionsOf(paymentStatusLabels);
const balanceOptions = [
  { value: 'open', label: 'Open balance' },
  { value: 'settled', label: 'Settled' },
];

/** The two lists' keyset pages: each list's cursor parameter (the other list keeps its page) and its words. */
const pageLinkWords = {
  ready: { className: 'mt-2 flex gap-4 text-sm', first: 'First jobs', next: 'More jobs to invoice' },
  cursor: { className: 'mt-3 flex gap-4 text-sm', first: 'Newest invoices', next: 'Older invoices' },
};

/** Back to the first page of a list, and on to its next page. */
function PageLinks({
  search,
  list,
  nextCursor,
}: {
  search: Search;
  list: 'ready' | 'cursor';
  nextCursor: string | null;
}) {
  const words = pageLinkWords[list];
  return (
    <div className={words.className}>
      {search[list] ? (
        <Link href={href({ ...search, [list]: undefined })} className="text-brand-700 underline">
          {words.first}
        </Link>
      ) : null}
      {nextCursor ? (
        <Link href={href({ ...search, [list]: nextCursor })} className="text-brand-700 underline">
          {words.next}
        </Link>
      ) : null}
    </div>
  );
}

/** Invoices on one page: a screenful; the pager below leads to the rest. */
const PAGE_SIZE = 15;

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireAdminPage();
  const search: Search = await readSearchParams(searchParams, {
    status: param.text(20),
    balance: param.text(20),
    cursor: param.cursor(),
    ready: param.cursor(),
  });
  const status = pick(search.status, paymentStatuses);
  const balance = pick(search.balance, ['open', 'settled'] as const);
  const [settings, invoices, ready] = await Promise.all([
    getShopSettings(actor),
    listInvoices(actor, { paymentStatus: status, balance, limit: PAGE_SIZE, cursor: search.cursor || undefined }).catch(
      () => listInvoices(actor, { paymentStatus: status, balance, limit: PAGE_SIZE }),
    ),
    listJobsReadyToInvoice(actor, { limit: 5, cursor: search.ready || undefined }).catch(() =>
      listJobsReadyToInvoice(actor, { limit: 5 }),
    ),
  ]);
  const filtered = Boolean(status || balance);

  return (
    <>
      <PageHeader
        title="Invoices"
        actions={
          <ButtonLink href="/settings" variant="secondary">
            Shop settings
          </ButtonLink>
        }
      >
        Issued invoices, newest first. Invoice a completed job from the list of jobs ready to invoice.
      </PageHeader>

      <Section id="ready-heading" title="Ready to invoice" className="mb-8">
        {ready.data.length === 0 ? (
          <p className="text-sm text-slate-600">Every completed job has an invoice.</p>
        ) : (
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
            <Table density="compact">
              <TableHeader columns={['Job', 'Customer', 'Vehicle', 'Completed']}>
                <TableHead>
                  <span className="sr-only">Action</span>
                </TableHead>
              </TableHeader>
              <TableRows rows={ready.data} rowProps={{ 'data-testid': 'ready-job' }}>
                {(job) => (
                  <>
                    <TableCell>
                      <span className="font-medium">{job.number}</span>{' '}
                      <span className="text-slate-600">{job.title}</span>
                    </TableCell>
                    <TableCell>{job.customer.company ?? job.customer.name}</TableCell>
                    <TableCell>
                      {job.vehicle.make} {job.vehicle.model}
                      {job.vehicle.plate ? <span className="text-slate-500"> · {job.vehicle.plate}</span> : null}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{formatDate(job.completedAt, settings.locale)}</TableCell>
                    <TableCell className="text-right">
                      <Link
                        href={`/jobs/${job.id}/invoice`}
                        className="font-medium whitespace-nowrap text-brand-700 underline"
                      >
                        Create invoice<span className="sr-only"> for {job.number}</span>
                      </Link>
                    </TableCell>
                  </>
                )}
              </TableRows>
            </Table>
          </div>
        )}
        {ready.nextCursor || search.ready ? (
          <PageLinks search={search} list="ready" nextCursor={ready.nextCursor} />
        ) : null}
      </Section>

      <section aria-labelledby="invoices-heading">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-4">
          <h2 id="invoices-heading" className="text-lg font-semibold">
            {filtered ? 'Matching invoices' : 'All invoices'}
          </h2>
          <form method="get" action="/invoices" className="flex flex-wrap items-end gap-3" aria-label="Filter invoices">
            <FilterSelect label="Status" name="status" value={status} blank="Any status" options={statusOptions} />
            <FilterSelect label="Balance" name="balance" value={balance} blank="Any balance" options={balanceOptions} />
            <button type="submit" className={buttonClasses('secondary')}>
              Filter
            </button>
            {filtered ? (
              <ButtonLink href="/invoices" variant="ghost">
                Clear
              </ButtonLink>
            ) : null}
          </form>
        </div>

        {invoices.data.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">
            {filtered ? 'No invoices match these filters.' : 'No invoices yet.'}
          </p>
        ) : (
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
            <Table density="compact">
              <TableHeader
                columns={[
                  'Number',
                  'Issued',
                  'Customer',
                  'Job',
                  ['Total', 'text-right'],
                  ['Balance', 'text-right'],
                  'Status',
                ]}
              />
              <TableBody>
                {invoices.data.map((invoice) => {
                  const money = { currency: invoice.currency, locale: settings.locale };
                  return (
                    <TableRow key={invoice.id}>
                      <TableCell className="whitespace-nowrap">
                        <Link href={`/invoices/${invoice.id}`} className="font-medium text-brand-700 underline">
                          {invoice.number}
                        </Link>
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        {formatDate(invoice.issuedAt, settings.locale)}
                      </TableCell>
                      <TableCell>{invoice.customer.company ?? invoice.customer.name}</TableCell>
                      <TableCell>
                        {invoice.job.number}
                        <span className="block text-xs text-slate-500">
                          {invoice.vehicle.make} {invoice.vehicle.model}
                        </span>
                      </TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">
                        {formatMoney(invoice.totalCents, money)}
                      </TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">
                        {formatMoney(invoice.balanceCents, money)}
                      </TableCell>
                      <TableCell>
                        <PaymentStatusBadge status={invoice.paymentStatus} />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
        <PageLinks search={search} list="cursor" nextCursor={invoices.nextCursor} />
      </section>
    </>
  );
}
