import type { Metadata } from 'next';
import Link from 'next/link';
import { ArchivedNote, EditAndArchive } from '@/components/customers/record-header';

import { JobHistoryTable } from '@/components/customers/job-history-table';

import { FlashToast } from '@/components/ui/flash-toast';

import { formatDate, formatJobNumber, numberFormat } from '@/components/format';

import { Alert } from '@/components/ui/alert';

import { ArchivedBadge } from '@/components/ui/archived-badge';

import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';

import { isAdmin } from '@/db/core/policy';

import { loadDetailPage, type DetailPageProps } from '@/app/_lib/page-params';

import { getVehicle } from '@/db/vehicles';

import { archiveVehicleAction, unarchiveVehicleAction } from '../actions';
import { Section, TableBox } from '@/components/ui/section';

export const metadata: Metadata = { title: 'Vehicle' };

export default async function VehiclePage(props: DetailPageProps) {
  const { actor, query, record: vehicle, locale } = await loadDetailPage(props, getVehicle);
  const number = numberFormat(locale);
  const title = `${vehicle.make} ${vehicle.model}${vehicle.year ? ` (${vehicle.year})` : ''}`;
  const active = vehicle.archivedAt === null && vehicle.owner.archivedAt === null;

  return (
    <>
      {query.saved ? <FlashToast message="Vehicle saved." clearParams={['saved']} /> : null}
      <PageHeader
        title={title}
        actions={
          <>
            {active ? <ButtonLink href={`/jobs/new?vehicleId=${vehicle.id}`}>New job</ButtonLink> : null}
            <EditAndArchive
              noun="vehicle"
              record={vehicle}
              canArchive={isAdmin(actor)}
              actions={[archiveVehicleAction, unarchiveVehicleAction]}
            />
          </>
        }
      >
        Owner:{' '}
        <Link href={`/customers/${vehicle.owner.id}`} className="font-medium text-brand-600 hover:underline">
          {vehicle.owner.name}
        </Link>
        {vehicle.owner.phone ? <span className="ml-2">{vehicle.owner.phone}</span> : null}
        {vehicle.archivedAt ? <ArchivedBadge /> : null}
      </PageHeader>

      <div className="space-y-6">
        <ArchivedNote archivedAt={vehicle.archivedAt} locale={locale}>
          hidden from the vehicle list.
        </ArchivedNote>
        {vehicle.vinWarning ? <Alert tone="warning">VIN warning accepted: {vehicle.vinWarning}</Alert> : null}

        <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="details-heading" className="sr-only">
            Details
          </h2>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            {[
              ['VIN', vehicle.vin, true],
              ['Plate', vehicle.plate, true],
              ['Make', vehicle.make, false],
              ['Model', vehicle.model, false],
              ['Year', vehicle.year === null ? null : String(vehicle.year), false],
              ['Color', vehicle.color, false],
              ['Odometer', vehicle.odometer === null ? null : number.format(vehicle.odometer), false],
            ].map(([label, value, mono]) => (
              <div key={String(label)}>
                <dt className="text-slate-500">{label}</dt>
                <dd className={mono ? 'font-mono break-all' : 'break-words'}>{value ?? '—'}</dd>
              </div>
            ))}
          </dl>
        </section>

        <Section id="history-heading" title="Service history">
          <JobHistoryTable jobs={vehicle.jobs} locale={locale} />
        </Section>

        <Section id="odometer-heading" title="Odometer readings">
          <TableBox empty={vehicle.odometerReadings.length === 0 ? 'No readings yet.' : null} className="max-w-2xl">
            <Table>
              <TableHeader columns={['Date', 'Reading', 'From']} />
              <TableRows
                rows={vehicle.odometerReadings}
                rowKey={(reading, index) => `${reading.jobId ?? 'vehicle'}-${index}`}
              >
                {(reading) => (
                  <>
                    <TableCell>{formatDate(reading.recordedAt, locale)}</TableCell>
                    <TableCell>{number.format(reading.reading)}</TableCell>
                    <TableCell>
                      {reading.jobId && reading.jobNumber !== null ? (
                        <Link href={`/jobs/${reading.jobId}`} className="text-brand-600 hover:underline">
                          Job {formatJobNumber(reading.jobNumber)}
                        </Link>
                      ) : (
                        'Vehicle record'
                      )}
                    </TableCell>
                  </>
                )}
              </TableRows>
            </Table>
          </TableBox>
        </Section>
      </div>
    </>
  );
}
