import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/customers/pager';
import { SearchBox } from '@/components/customers/search-box';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { numberFormat } from '@/components/format';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { DomainError } from '@/db/core/errors';
import { requireActor } from '@/app/_lib/session';
import { getShopSettings } from '@/db/settings';
import { listVehicles } from '@/db/vehicles';
import { param, readSearchParams, type RawSearchParams } from '@/app/_lib/search-params';

export const metadata: Metadata = { title: 'Vehicles' };

type SearchParams = Promise<RawSearchParams>;

export default async function VehiclesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const params = await readSearchParams(searchParams, {
    q: param.text(),
    archived: param.flag(),
    cursor: param.cursor(),
  });
  const q = params.q ?? '';
  const showArchived = params.archived === true;
  const cursor = params.cursor;
  let result: Awaited<ReturnType<typeof listVehicles>>;
  let badCursor = false;
  try {
    result = await listVehicles(actor, { q, includeArchived: showArchived, cursor, limit: 25 });
  } catch (error) {
    if (!(error instanceof DomainError) || !cursor) throw error;
    badCursor = true;
    result = await listVehicles(actor, { q, includeArchived: showArchived, limit: 25 });
  }
  const { locale } = await getShopSettings(actor);
  const number = numberFormat(locale);
  const keep = { ...(q ? { q } : {}), ...(showArchived ? { archived: '1' } : {}) };

  return (
    <>
      <PageHeader
        title="Vehicles"
        actions={
          <Link href="/vehicles/new" className={buttonClasses('primary')}>
            Register vehicle
          </Link>
        }
      />
      <SearchBox query={q} showArchived={showArchived} placeholder="Plate, VIN, make or model" />
      {badCursor ? <Alert tone="info">That page link has expired; showing the first page.</Alert> : null}
      {result.data.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-6 text-sm text-slate-600">
          {q ? `No vehicles match “${q}”.` : 'No vehicles yet.'}
        </p>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white">
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
                  <TableCell className="break-words">
                    <Link href={`/vehicles/${vehicle.id}`} className="font-medium text-brand-600 hover:underline">
                      {vehicle.make} {vehicle.model}
                      {vehicle.year ? ` (${vehicle.year})` : ''}
                    </Link>
                    {vehicle.archivedAt ? (
                      <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">Archived</span>
                    ) : null}
                  </TableCell>
                  <TableCell className="font-mono break-words">{vehicle.plate ?? '—'}</TableCell>
                  <TableCell className="font-mono break-all">{vehicle.vin ?? '—'}</TableCell>
                  <TableCell>{vehicle.odometer === null ? '—' : number.format(vehicle.odometer)}</TableCell>
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
        </div>
      )}
      <Pager
        basePath="/vehicles"
        params={keep}
        nextCursor={result.nextCursor}
        onLaterPage={Boolean(cursor) && !badCursor}
      />
    </>
  );
}
