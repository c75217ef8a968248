import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { controlClasses } from '@/components/ui/field';
import type { VehicleChoiceDto } from '@/db/jobs';

/** Search active vehicles (plate, VIN, customer) and pick one to open a job for. */
export function VehiclePicker({
  q,
  results,
  nextCursor,
}: {
  q: string;
  results: VehicleChoiceDto[];
  nextCursor: string | null;
}) {
  return (
    <div className="space-y-4">
      <form method="get" action="/jobs/new" role="search" className="flex max-w-2xl flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="vehicle-search" className="block text-sm font-medium text-slate-700">
            Find a vehicle
          </label>
          <input
            id="vehicle-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Plate, VIN or customer name"
            className={controlClasses}
          />
        </div>
        <button type="submit" className={buttonClasses('primary')}>
          Search
        </button>
      </form>
      {results.length === 0 ? (
        <p className="text-sm text-slate-600">{q ? 'No active vehicle matches that search.' : 'No vehicles yet.'}</p>
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          <table className="w-full table-fixed text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className="px-4 py-2 font-medium">Customer</th>
                <th className="px-4 py-2 font-medium">Vehicle</th>
                <th className="px-4 py-2 font-medium">Plate</th>
                <th className="px-4 py-2 font-medium">VIN</th>
                <th className="w-32 px-4 py-2 font-medium">
                  <span className="sr-only">Choose</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {results.map((vehicle) => (
                <tr key={vehicle.id} className="border-t border-slate-100">
                  <td className="truncate px-4 py-2">{vehicle.customer.name}</td>
                  <td className="truncate px-4 py-2">
                    {[vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ')}
                  </td>
                  <td className="truncate px-4 py-2">{vehicle.plate ?? '—'}</td>
                  <td className="truncate px-4 py-2 font-mono text-xs">{vehicle.vin ?? '—'}</td>
                  <td className="px-4 py-2">
                    <Link href={`/jobs/new?vehicleId=${vehicle.id}`} className={buttonClasses('secondary')}>
                      Choose
                      <span className="sr-only">
                        {' '}
                        {vehicle.plate ?? vehicle.vin ?? vehicle.make} of {vehicle.customer.name}
                      </span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? (
        <Link
          href={`/jobs/new?${new URLSearchParams({ ...(q ? { q } : {}), cursor: nextCursor })}`}
          className={buttonClasses('secondary')}
        >
          More vehicles
        </Link>
      ) : null}
    </div>
  );
}
