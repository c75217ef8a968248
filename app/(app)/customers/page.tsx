import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchBox } from '@/components/customers/search-box';
import { Pager } from '@/components/customers/pager';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listCustomers } from '@/db/customers';
import { DomainError } from '@/db/core/errors';
import { requireActor } from '@/app/_lib/session';
import { param, readSearchParams, type RawSearchParams } from '@/app/_lib/search-params';

export const metadata: Metadata = { title: 'Customers' };

type SearchParams = Promise<RawSearchParams>;

export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const params = await readSearchParams(searchParams, {
    q: param.text(),
    archived: param.flag(),
    cursor: param.cursor(),
  });
  const q = params.q ?? '';
  const showArchived = params.archived === true;
  const cursor = params.cursor;
  let result: Awaited<ReturnType<typeof listCustomers>>;
  let badCursor = false;
  try {
    result = await listCustomers(actor, { q, includeArchived: showArchived, cursor, limit: 25 });
  } catch (error) {
    if (!(error instanceof DomainError) || !cursor) throw error;
    badCursor = true;
    result = await listCustomers(actor, { q, includeArchived: showArchived, limit: 25 });
  }
  const keep = { ...(q ? { q } : {}), ...(showArchived ? { archived: '1' } : {}) };

  return (
    <>
      <PageHeader
        title="Customers"
        actions={
          <Link href="/customers/new" className={buttonClasses('primary')}>
            New customer
          </Link>
        }
      />
      <SearchBox query={q} showArchived={showArchived} placeholder="Name, phone, email, plate or VIN" />
      {badCursor ? <Alert tone="info">That page link has expired; showing the first page.</Alert> : null}
      {result.data.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-6 text-sm text-slate-600">
          {q ? `No customers match “${q}”.` : 'No customers yet.'}{' '}
          <Link href="/customers/new" className="text-brand-600 underline">
            Add a customer
          </Link>
        </p>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white">
          <Table fixed>
            <TableHeader>
              <TableHead className="w-[28%]">Name</TableHead>
              <TableHead className="w-[18%]">Phone</TableHead>
              <TableHead className="w-[24%]">Email</TableHead>
              <TableHead>Vehicles</TableHead>
            </TableHeader>
            <TableBody>
              {result.data.map((customer) => (
                <TableRow key={customer.id} className="align-top">
                  <TableCell className="break-words">
                    <Link href={`/customers/${customer.id}`} className="font-medium text-brand-600 hover:underline">
                      {customer.name}
                    </Link>
                    {customer.archivedAt ? (
                      <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">Archived</span>
                    ) : null}
                    {customer.company && customer.company !== customer.name ? (
                      <div className="text-xs text-slate-500">{customer.company}</div>
                    ) : null}
                  </TableCell>
                  <TableCell className="break-words">{customer.phone ?? '—'}</TableCell>
                  <TableCell className="break-all">{customer.email ?? '—'}</TableCell>
                  <TableCell className="break-words">
                    {customer.vehicles.length === 0
                      ? '—'
                      : customer.vehicles.map((vehicle) => (
                          <div key={vehicle.id}>
                            {vehicle.plate ? <span className="font-mono">{vehicle.plate}</span> : null}{' '}
                            <span className="text-slate-600">
                              {vehicle.make} {vehicle.model}
                            </span>
                          </div>
                        ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pager
        basePath="/customers"
        params={keep}
        nextCursor={result.nextCursor}
        onLaterPage={Boolean(cursor) && !badCursor}
      />
    </>
  );
}
