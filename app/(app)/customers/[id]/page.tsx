import type { Metadata } from 'next';
import { ArchiveControls } from '@/components/customers/archive-controls';

import { DuplicateWarning } from '@/components/customers/duplicate-warning';

import { JobHistoryTable } from '@/components/customers/job-history-table';

import { FlashToast } from '@/components/ui/flash-toast';

import { formatDate, numberFormat } from '@/components/format';

import { Alert } from '@/components/ui/alert';

import { ArchivedBadge } from '@/components/ui/archived-badge';

import { EmptyNote } from '@/components/ui/empty-note';

import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

import { VehicleCells } from '@/components/vehicles/vehicle-cells';

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

import { getCustomer } from '@/db/customers';

import { isAdmin } from '@/db/core/policy';

import { loadDetailPage, type DetailPageProps } from '@/app/_lib/page-params';

import { archiveCustomerAction, unarchiveCustomerAction } from '../actions';

export const metadata: Metadata = { title: 'Customer' };

export default async function CustomerPage(props: DetailPageProps) {
  const { actor, query, record: customer, locale } = await loadDetailPage(props, getCustomer);
  const number = numberFormat(locale);
  const savedMessage = query.saved ? 'Customer saved.' : query.vehicleSaved ? 'Vehicle saved.' : null;

  return (
    <>
      {savedMessage ? <FlashToast message={savedMessage} clearParams={['saved', 'vehicleSaved']} /> : null}
      <PageHeader
        title={customer.name}
        actions={
          <>
            <ButtonLink href={`/customers/${customer.id}/edit`} variant="secondary">
              Edit
            </ButtonLink>
            {isAdmin(actor) ? (
              <ArchiveControls
                noun="customer"
                archived={customer.archivedAt !== null}
                description="They drop out of the customer list and search (their vehicles and job history stay). You can unarchive them later."
                archiveAction={archiveCustomerAction.bind(null, customer.id)}
                unarchiveAction={unarchiveCustomerAction.bind(null, customer.id)}
              />
            ) : null}
          </>
        }
      >
        {customer.kind === 'business' ? 'Business' : 'Individual'}
        {customer.company && customer.company !== customer.name ? ` · ${customer.company}` : ''}
        {customer.archivedAt ? <ArchivedBadge /> : null}
      </PageHeader>

      <div className="space-y-6">
        {customer.archivedAt ? (
          <Alert tone="warning">
            Archived on {formatDate(customer.archivedAt, locale)}: hidden from the customer list and search.
          </Alert>
        ) : null}
        <DuplicateWarning duplicates={customer.duplicates} />

        <section aria-labelledby="contact-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="contact-heading" className="sr-only">
            Contact
          </h2>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">Phone</dt>
              <dd>
                {customer.phone ? (
                  <a href={`tel:${customer.phone}`} className="text-brand-600 hover:underline">
                    {customer.phone}
                  </a>
                ) : (
                  '—'
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Email</dt>
              <dd className="break-all">
                {customer.email ? (
                  <a href={`mailto:${customer.email}`} className="text-brand-600 hover:underline">
                    {customer.email}
                  </a>
                ) : (
                  '—'
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Address</dt>
              <dd className="whitespace-pre-line">{customer.address ?? '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Notes</dt>
              <dd className="whitespace-pre-line">{customer.notes ?? '—'}</dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="vehicles-heading">
          <div className="mb-2 flex items-center justify-between gap-4">
            <h2 id="vehicles-heading" className="text-lg font-semibold">
              Vehicles
            </h2>
            {customer.archivedAt ? null : (
              <ButtonLink href={`/vehicles/new?customerId=${customer.id}`}>Add vehicle</ButtonLink>
            )}
          </div>
          {customer.vehicles.length === 0 ? (
            <EmptyNote>No vehicles yet.</EmptyNote>
          ) : (
            <div className="rounded-lg border border-slate-200 bg-white">
              <Table fixed>
                <TableHeader>
                  <TableHead className="w-[30%]">Vehicle</TableHead>
                  <TableHead className="w-[15%]">Plate</TableHead>
                  <TableHead className="w-[25%]">VIN</TableHead>
                  <TableHead className="w-[13%]">Odometer</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableHeader>
                <TableBody>
                  {customer.vehicles.map((vehicle) => (
                    <TableRow key={vehicle.id}>
                      <VehicleCells vehicle={vehicle} number={number} />
                      <TableCell className="text-right">
                        {vehicle.archivedAt || customer.archivedAt ? null : (
                          <ButtonLink href={`/jobs/new?vehicleId=${vehicle.id}`} variant="secondary">
                            New job
                          </ButtonLink>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </section>

        <section aria-labelledby="jobs-heading">
          <h2 id="jobs-heading" className="mb-2 text-lg font-semibold">
            Job history
          </h2>
          <JobHistoryTable jobs={customer.jobs} locale={locale} showVehicle />
        </section>
      </div>
    </>
  );
}
