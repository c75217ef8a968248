import Link from 'next/link';
import { ArchivedBadge } from '@/components/ui/archived-badge';
import { TableCell } from '@/components/ui/table';

type VehicleRow = {
  id: string;
  make: string;
  model: string;
  year: number | null;
  plate: string | null;
  vin: string | null;
  odometer: number | null;
  archivedAt: Date | null;
};

/** A vehicle's first four cells in a table (vehicle, plate, VIN, odometer), as the vehicle list and a customer show them. */
export function VehicleCells({ vehicle, number }: { vehicle: VehicleRow; number: Intl.NumberFormat }) {
  return (
    <>
      <TableCell className="break-words">
        <Link href={`/vehicles/${vehicle.id}`} className="font-medium text-brand-600 hover:underline">
          {vehicle.make} {vehicle.model}
          {vehicle.year ? ` (${vehicle.year})` : ''}
        </Link>
        {vehicle.archivedAt ? <ArchivedBadge /> : null}
      </TableCell>
      <TableCell className="font-mono break-words">{vehicle.plate ?? '—'}</TableCell>
      <TableCell className="font-mono break-all">{vehicle.vin ?? '—'}</TableCell>
      <TableCell>{vehicle.odometer === null ? '—' : number.format(vehicle.odometer)}</TableCell>
    </>
  );
}
