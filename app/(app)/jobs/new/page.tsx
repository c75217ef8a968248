import type { Metadata } from 'next';
import Link from 'next/link';
import { JobForm } from '@/components/jobs/job-form';
import { VehiclePicker } from '@/components/jobs/vehicle-picker';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { DomainError } from '@/db/core/errors';
import { getVehicleForJob, searchVehiclesForJob, type VehicleChoiceDto } from '@/db/jobs';
import { requireActor } from '@/app/_lib/session';
import { param, readSearchParams, type RawSearchParams } from '@/app/_lib/search-params';

export const metadata: Metadata = { title: 'New job' };

export default async function NewJobPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor();
  const { vehicleId, q, cursor } = await readSearchParams(searchParams, {
    vehicleId: param.text(100),
    q: param.text(),
    cursor: param.cursor(),
  });

  let vehicle: VehicleChoiceDto | null = null;
  let missing = false;
  if (vehicleId) {
    try {
      vehicle = await getVehicleForJob(actor, vehicleId);
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'not_found')) throw error;
      missing = true;
    }
  }

  if (vehicle) {
    const name = [vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ');
    return (
      <>
        <PageHeader title="New job">
          For{' '}
          <Link href={`/vehicles/${vehicle.id}`} className="font-medium text-brand-700 hover:underline">
            {name}
            {vehicle.plate ? ` (${vehicle.plate})` : ''}
          </Link>{' '}
          of{' '}
          <Link href={`/customers/${vehicle.customer.id}`} className="font-medium text-brand-700 hover:underline">
            {vehicle.customer.name}
          </Link>
          {' · '}
          <Link href="/jobs/new" className="text-brand-700 hover:underline">
            Choose another vehicle
          </Link>
        </PageHeader>
        <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
          <JobForm vehicleId={vehicle.id} lastOdometer={vehicle.odometer} />
        </div>
      </>
    );
  }

  let results: Awaited<ReturnType<typeof searchVehiclesForJob>> = { data: [], nextCursor: null };
  let badCursor = false;
  try {
    results = await searchVehiclesForJob(actor, { q, cursor, limit: 20 });
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === 'invalid')) throw error;
    badCursor = true;
  }
  return (
    <>
      <PageHeader title="New job">Choose the vehicle: search by plate, VIN or customer name.</PageHeader>
      {missing ? (
        <div className="mb-4">
          <Alert tone="warning">That vehicle was not found or is archived. Choose another one.</Alert>
        </div>
      ) : null}
      {badCursor ? (
        <div className="mb-4">
          <Alert tone="warning">That page of results is no longer available. Search again.</Alert>
        </div>
      ) : null}
      <VehiclePicker q={q ?? ''} results={results.data} nextCursor={results.nextCursor} />
    </>
  );
}
