import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { VehicleForm } from '@/components/vehicles/vehicle-form';
import { loadRecord, type DetailPageProps } from '@/app/_lib/page-params';
import { getVehicle } from '@/db/vehicles';
import { updateVehicleAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit vehicle' };

export default async function EditVehiclePage({ params }: Pick<DetailPageProps, 'params'>) {
  const { record: vehicle } = await loadRecord(params, getVehicle);
  return (
    <>
      <PageHeader title={`Edit ${vehicle.make} ${vehicle.model}`}>
        Owner:{' '}
        <Link href={`/customers/${vehicle.owner.id}`} className="font-medium text-brand-600 hover:underline">
          {vehicle.owner.name}
        </Link>
      </PageHeader>
      <VehicleForm
        action={updateVehicleAction.bind(null, vehicle.id)}
        cancelHref={`/vehicles/${vehicle.id}`}
        initial={{
          customerId: vehicle.customerId,
          vin: vehicle.vin ?? '',
          plate: vehicle.plate ?? '',
          make: vehicle.make,
          model: vehicle.model,
          year: vehicle.year === null ? '' : String(vehicle.year),
          color: vehicle.color ?? '',
          odometer: vehicle.odometer === null ? '' : String(vehicle.odometer),
        }}
      />
    </>
  );
}
