import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchableList } from '@/components/customers/searchable-list';

import { ArchivedBadge } from '@/components/ui/archived-badge';

import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';

import { listCustomers } from '@/db/customers';

import { loadListPage, type SearchParams } from '@/app/_lib/page-params';

export const metadata: Metadata = { title: 'Customers' };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = await loadListPage(searchParams, listCustomers);
  const { result } = page;
  const { q } = page.query;

  return (
    <>
      <PageHeader title="Customers" actions={<ButtonLink href="/customers/new">New customer</ButtonLink>} />
      <SearchableList
        basePath="/customers"
        placeholder="Name, phone, email, plate or VIN"
        page={page}
        empty={
          result.data.length === 0 ? (
            <>
              {q ? `No customers match “${q}”.` : 'No customers yet.'}{' '}
              <Link href="/customers/new" className="text-brand-600 underline">
                Add a customer
              </Link>
            </>
          ) : null
        }
      >
        <Table fixed>
          <TableHeader columns={[['Name', 'w-[28%]'], ['Phone', 'w-[18%]'], ['Email', 'w-[24%]'], 'Vehicles']} />
          <TableRows rows={result.data} rowProps={{ className: 'align-top' }}>
            {(customer) => (
              <>
                <TableCell className="break-words">
                  <Link href={`/customers/${customer.id}`} className="font-medium text-brand-600 hover:underline">
                    {customer.name}
                  </Link>
                  {customer.archivedAt ? <ArchivedBadge /> : null}
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
              </>
            )}
          </TableRows>
        </Table>
      </SearchableList>
    </>
  );
}
