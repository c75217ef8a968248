import type { Metadata } from 'next';
import { ArchivedNote, EditAndArchive } from '@/components/customers/record-header';

import { DuplicateWarning } from '@/components/customers/duplicate-warning';

import { JobHistoryTable } from '@/components/customers/job-history-table';

import { FlashToast } from '@/components/ui/flash-toast';

import { numberFormat } from '@/components/format';

import { ArchivedBadge } from '@/components/ui/archived-badge';

import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

import { VehicleCells } from '@/components/vehicles/vehicle-cells';

import { Table, TableCell, TableHead, TableHeader, TableRows } from '@/components/ui/table';

import { getCustomerPage } from '@/db/customers';

import { isAdmin } from '@/db/core/policy';

import { listPageOrFirst, loadDetailPage, type DetailPageProps } from '@/app/_lib/page-params';
import { param, readSearchParams } from '@/app/_lib/search-params';
import { Pager, type PagerWords } from '@/components/customers/pager';
import { Alert } from '@/components/ui/alert';

import { archiveCustomerAction, unarchiveCustomerAction } from '../actions';
import { Section, TableBox } from '@/components/ui/section';

export const metadata: Metadata = { title: 'Customer' };

/** Rows of each list on one page (a screenful); the pagers below them lead to the rest, a keyset page at a time. */
const PAGE_SIZE = 10;

export default async function CustomerPage(props: DetailPageProps) {
  const cursors = await readSearchParams(props.searchParams, { vehicles: param.cursor(), jobs: param.cursor() });
  const { actor, query, record, locale } = await loadDetailPage(props, (actor, id) =>
    listPageOrFirst(cursors.vehicles || cursors.jobs ? 'given' : '', (given) =>
      getCustomerPage(actor, id, {
        vehicles: { cursor: given && cursors.vehicles, limit: PAGE_SIZE },
        jobs: { cursor: given && cursors.jobs, limit: PAGE_SIZE },
      }),
    ),
  );
  const { result: customer, badCursor } = record;
  /** The pager of one list: it keeps the other list's page. */
  const pagerOf = (list: 'vehicles' | 'jobs', words: PagerWords) => {
    const other = list === 'jobs' ? 'vehicles' : 'jobs';
    const kept = badCursor ? undefined : cursors[other];
    return (
      <Pager
        basePath={`/customers/${customer.id}`}
        params={kept ? { [other]: kept } : {}}
        cursorParam={list}
        nextCursor={customer[list].nextCursor}
        onLaterPage={Boolean(cursors[list]) && !badCursor}
        words={words}
      />
    );
  };
  const number = numberFormat(locale);
  const savedMessage = query.saved ? 'Customer saved.' : query.vehicleSaved ? 'Vehicle saved.' : null;

  return (
    <>
      {savedMessage ? <FlashToast message={savedMessage} clearParams={['saved', 'vehicleSaved']} /> : null}
      <PageHeader
        title={customer.name}
        actions={
          <EditAndArchive
            noun="customer"
            record={customer}
            canArchive={isAdmin(actor)}
            actions={[archiveCustomerAction, unarchiveCustomerAction]}
          />
        }
      >
        {customer.kind === 'business' ? 'Business' : 'Individual'}
        {customer.company && customer.company !== customer.name ? ` · ${customer.company}` : ''}
        {customer.archivedAt ? <ArchivedBadge /> : null}
      </PageHeader>

      <div className="space-y-6">
        <ArchivedNote archivedAt={customer.archivedAt} locale={locale}>
          hidden from the customer list and search.
        </ArchivedNote>
        <DuplicateWarning duplicates={customer.duplicates} />
        {badCursor ? <Alert tone="warning">That page could not be read. Showing the first page instead.</Alert> : null}

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

        <Section
          id="vehicles-heading"
          title="Vehicles"
          actions={
            customer.archivedAt ? null : (
              <ButtonLink href={`/vehicles/new?customerId=${customer.id}`}>Add vehicle</ButtonLink>
            )
          }
        >
          <TableBox empty={customer.vehicles.data.length === 0 ? 'No vehicles yet.' : null}>
            <Table fixed>
              <TableHeader
                columns={[
                  ['Vehicle', 'w-[30%]'],
                  ['Plate', 'w-[15%]'],
                  ['VIN', 'w-[25%]'],
                  ['Odometer', 'w-[13%]'],
                ]}
              >
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableHeader>
              <TableRows rows={customer.vehicles.data}>
                {(vehicle) => (
                  <>
                    <VehicleCells vehicle={vehicle} number={number} />
                    <TableCell className="text-right">
                      {vehicle.archivedAt || customer.archivedAt ? null : (
                        <ButtonLink href={`/jobs/new?vehicleId=${vehicle.id}`} variant="secondary">
                          New job
                        </ButtonLink>
                      )}
                    </TableCell>
                  </>
                )}
              </TableRows>
            </Table>
          </TableBox>
          {pagerOf('vehicles', { nav: 'Vehicle pages', first: 'First vehicles', next: 'More vehicles' })}
        </Section>

        <Section id="jobs-heading" title="Job history">
          <JobHistoryTable jobs={customer.jobs.data} locale={locale} showVehicle />
          {pagerOf('jobs', { nav: 'Job history pages', first: 'Newest jobs', next: 'Older jobs' })}
        </Section>
      </div>
    </>
  );
}
