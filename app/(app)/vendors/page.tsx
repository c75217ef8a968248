import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchableList } from '@/components/customers/searchable-list';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';
import { listVendors } from '@/db/parts';
import { listPageOrFirst, readListQuery, type SearchParams } from '@/app/_lib/page-params';
import { requireAdminPage } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'Vendors' };

export default async function VendorsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdminPage();
  const query = { ...(await readListQuery(searchParams)), keep: {} };
  const { result, badCursor } = await listPageOrFirst(query.cursor, (cursor) =>
    listVendors(actor, { cursor, limit: 50 }),
  );
  return (
    <>
      <PageHeader title="Vendors" actions={<ButtonLink href="/vendors/new">New vendor</ButtonLink>} />
      <SearchableList
        basePath="/vendors"
        page={{ query, badCursor, result }}
        empty={result.data.length === 0 ? 'No vendors yet.' : null}
      >
        <Table>
          <TableHeader columns={['Name', 'Contact', 'Phone', 'Account number']} />
          <TableRows rows={result.data}>
            {(vendor) => (
              <>
                <TableCell>
                  <Link href={`/vendors/${vendor.id}`} className="font-medium text-brand-600 hover:underline">
                    {vendor.name}
                  </Link>
                </TableCell>
                <TableCell>{vendor.contactName ?? '—'}</TableCell>
                <TableCell>{vendor.phone ?? '—'}</TableCell>
                <TableCell>{vendor.accountNumber ?? '—'}</TableCell>
              </>
            )}
          </TableRows>
        </Table>
      </SearchableList>
    </>
  );
}
