import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchBox } from '@/components/customers/search-box';

import { Alert } from '@/components/ui/alert';

import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

import { VehicleForm } from '@/components/vehicles/vehicle-form';

import { getCustomer, listCustomers, type CustomerDetail } from '@/db/customers';

import { DomainError } from '@/db/core/errors';

import { requireActor } from '@/app/_lib/session';

import { createVehicleAction } from '../actions';
import { param, readSearchParams, type RawSearchParams } from '@/app/_lib/search-params';

export const metadata: Metadata = { title: 'Register vehicle' };

export default async function NewVehiclePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor();
  const params = await readSearchParams(searchParams, { customerId: param.text(100), q: param.text() });
  const customerId = params.customerId ?? '';
  let customer: CustomerDetail | null = null;
  if (customerId) {
    customer = await getCustomer(actor, customerId).catch((error: unknown) => {
      if (error instanceof DomainError && error.kind === 'not_found') return null;
      throw error;
    });
  }

  if (customer && !customer.archivedAt) {
    return (
      <>
        <PageHeader title="Register vehicle">
          Owner:{' '}
          <Link href={`/customers/${customer.id}`} className="font-medium text-brand-600 hover:underline">
            {customer.name}
          </Link>
        </PageHeader>
        <VehicleForm
          action={createVehicleAction}
          initial={{ customerId: customer.id }}
          cancelHref={`/customers/${customer.id}`}
        />
      </>
    );
  }

  // No (usable) owner yet: pick the customer first.
  const q = params.q ?? '';
  const { data: customers } = await listCustomers(actor, { q, limit: 10 });
  return (
    <>
      <PageHeader title="Register vehicle">Choose the customer the vehicle belongs to.</PageHeader>
      {customerId && !customer ? <Alert tone="error">That customer was not found.</Alert> : null}
      {customer?.archivedAt ? (
        <Alert tone="warning">
          {customer.name} is archived. An admin can unarchive them before a vehicle is added.
        </Alert>
      ) : null}
      <SearchBox
        query={q}
        showArchived={false}
        archivedToggle={false}
        label="Find the customer"
        placeholder="Name, phone, email, plate or VIN"
      />
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {customers.map((row) => (
          <li key={row.id} className="flex items-center justify-between gap-4 px-4 py-2 text-sm">
            <span>
              <span className="font-medium">{row.name}</span>
              {row.phone ? <span className="ml-2 text-slate-500">{row.phone}</span> : null}
            </span>
            <ButtonLink href={`/vehicles/new?customerId=${row.id}`} variant="secondary">
              Choose
            </ButtonLink>
          </li>
        ))}
        {customers.length === 0 ? <li className="px-4 py-4 text-sm text-slate-600">No customers match.</li> : null}
      </ul>
      <p className="mt-4 text-sm">
        New customer?{' '}
        <Link href="/customers/new" className="text-brand-600 underline">
          Add the customer first
        </Link>
        .
      </p>
    </>
  );
}
