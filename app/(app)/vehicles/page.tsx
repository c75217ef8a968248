import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchableList } from '@/components/customers/searchable-list';

import { ButtonLink } from '@/components/ui/button';
import { numberFormat } from '@/components/format';

import { VehicleCells } from '@/components/vehicles/vehicle-cells';

import { PageHeader } from '@/components/ui/page-header';

import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';

import { loadListPage, type SearchParams } from '@/app/_lib/page-params';

import { getShopSettings } from '@/db/settings';

import { listVehicles } from '@/db/vehicles';

export const metadata: Metadata = { title: 'Vehicles' };

export default async function VehiclesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = await loadListPage(searchParams, listVehicles);
  const { result } = page;
  const { q } = page.query;
  const { locale } = await getShopSettings(page.actor);
  const number = numberFormat(locale);

  return (
    <>
      <PageHeader title="Vehicles" actions={<ButtonLink href="/vehicles/new">Register vehicle</ButtonLink>} />
      <SearchableList
        basePath="/vehicles"
        placeholder="Plate, VIN, make or model"
        page={page}
        empty={result.data.length === 0 ? <>{q ? `No vehicles match “${q}”.` : 'No vehicles yet.'}</> : null}
      >
        <Table fixed>
          <TableHeader
            columns={[
              ['Vehicle', 'w-[26%]'],
              ['Plate', 'w-[14%]'],
              ['VIN', 'w-[24%]'],
              ['Odometer', 'w-[12%]'],
              'Owner',
            ]}
          />
          <TableRows rows={result.data}>
            {(vehicle) => (
              <>
                <VehicleCells vehicle={vehicle} number={number} />
                <TableCell className="break-words">
                  <Link href={`/customers/${vehicle.customerId}`} className="text-brand-600 hover:underline">
                    {vehicle.customerName}
                  </Link>
                  {vehicle.customerArchived ? <span className="ml-1 text-xs text-slate-500">(archived)</span> : null}
                </TableCell>
              </>
            )}
          </TableRows>
        </Table>
      </SearchableList>
    </>
  );
}
