import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchableList } from '@/components/customers/searchable-list';

import { ButtonLink } from '@/components/ui/button';
import { numberFormat } from '@/components/format';

import { VehicleCells } from '@/components/vehicles/vehicle-cells';

import { PageHeader } from '@/components/ui/page-header';

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

import { listPageOrFirst, readListQuery, type SearchParams } from '@/app/_lib/page-params';

import { requireActor } from '@/app/_lib/session';

import { getShopSettings } from '@/db/settings';

import { listVehicles } from '@/db/vehicles';

export const metadata: Metadata = { title: 'Vehicles' };

export default async function VehiclesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const query = await readListQuery(searchParams);
  const { q, showArchived } = query;
  const { result, badCursor } = await listPageOrFirst(query.cursor, (cursor) =>
    listVehicles(actor, { q, includeArchived: showArchived, cursor, limit: 25 }),
  );
  const { locale } = await getShopSettings(actor);
  const number = numberFormat(locale);

  return (
    <>
      <PageHeader title="Vehicles" actions={<ButtonLink href="/vehicles/new">Register vehicle</ButtonLink>} />
      <SearchableList
        basePath="/vehicles"
        placeholder="Plate, VIN, make or model"
        query={query}
        badCursor={badCursor}
        nextCursor={result.nextCursor}
        empty={result.data.length === 0 ? <>{q ? `No vehicles match “${q}”.` : 'No vehicles yet.'}</> : null}
      >
        <Table fixed>
          <TableHeader>
            <TableHead className="w-[26%]">Vehicle</TableHead>
            <TableHead className="w-[14%]">Plate</TableHead>
            <TableHead className="w-[24%]">VIN</TableHead>
            <TableHead className="w-[12%]">Odometer</TableHead>
            <TableHead>Owner</TableHead>
          </TableHeader>
          <TableBody>
            {result.data.map((vehicle) => (
              <TableRow key={vehicle.id}>
                <VehicleCells vehicle={vehicle} number={number} />
                <TableCell className="break-words">
                  <Link href={`/customers/${vehicle.customerId}`} className="text-brand-600 hover:underline">
                    {vehicle.customerName}
                  </Link>
                  {vehicle.customerArchived ? <span className="ml-1 text-xs text-slate-500">(archived)</span> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </SearchableList>
    </>
  );
}
