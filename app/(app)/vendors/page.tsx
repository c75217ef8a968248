import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pager } from '@/components/customers/pager';
import { listVendors } from '@/db/parts';
import { requireAdminPage } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'Vendors' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function VendorsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireAdminPage();
  const raw = (await searchParams).cursor;
  const cursor = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const result = await listVendors(actor, { cursor, limit: 50 }).catch(() => listVendors(actor, { limit: 50 }));
  return (
    <>
      <PageHeader
        title="Vendors"
        actions={
          <Link href="/vendors/new" className={buttonClasses('primary')}>
            New vendor
          </Link>
        }
      />
      <div className="rounded-lg border border-slate-200 bg-white">
        <Table>
          <TableHeader>
            <TableHead>Name</TableHead>
            <TableHead>Contact</TableHead>
            <TableHead>Phone</TableHead>
            <TableHead>Account number</TableHead>
          </TableHeader>
          <TableBody>
            {result.data.map((vendor) => (
              <TableRow key={vendor.id}>
                <TableCell>
                  <Link href={`/vendors/${vendor.id}`} className="font-medium text-brand-600 hover:underline">
                    {vendor.name}
                  </Link>
                </TableCell>
                <TableCell>{vendor.contactName ?? '—'}</TableCell>
                <TableCell>{vendor.phone ?? '—'}</TableCell>
                <TableCell>{vendor.accountNumber ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {result.data.length === 0 ? <p className="px-4 py-3 text-sm text-slate-600">No vendors yet.</p> : null}
      </div>
      <Pager basePath="/vendors" params={{}} nextCursor={result.nextCursor} onLaterPage={Boolean(cursor)} />
    </>
  );
}
