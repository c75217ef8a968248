import Link from 'next/link';
import { formatDate, formatJobNumber, jobStatusLabels, numberFormat } from '@/components/format';
import type { JobStatus } from '@/db/schema';

type JobRow = {
  id: string;
  number: number;
  title: string;
  status: JobStatus;
  odometerIn: number | null;
  createdAt: Date;
  completedAt: Date | null;
  vehicleId?: string;
  vehicleMake?: string;
  vehicleModel?: string;
  vehiclePlate?: string | null;
};

/** Jobs newest first (already ordered and filtered to what the viewer may see by the data layer). */
export function JobHistoryTable({
  jobs,
  locale,
  showVehicle = false,
}: {
  jobs: JobRow[];
  locale: string;
  showVehicle?: boolean;
}) {
  if (jobs.length === 0) {
    return <p className="rounded-lg border border-slate-200 bg-white px-4 py-4 text-sm text-slate-600">No jobs yet.</p>;
  }
  const number = numberFormat(locale);
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th className="w-28 px-4 py-2 font-medium">Job</th>
            <th className="px-4 py-2 font-medium">Title</th>
            {showVehicle ? <th className="w-[22%] px-4 py-2 font-medium">Vehicle</th> : null}
            <th className="w-36 px-4 py-2 font-medium">Status</th>
            {showVehicle ? null : <th className="w-28 px-4 py-2 font-medium">Odometer in</th>}
            <th className="w-32 px-4 py-2 font-medium">Opened</th>
            <th className="w-32 px-4 py-2 font-medium">Completed</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} className="border-t border-slate-100">
              <td className="px-4 py-2">
                <Link href={`/jobs/${job.id}`} className="font-mono text-brand-600 hover:underline">
                  {formatJobNumber(job.number)}
                </Link>
              </td>
              <td className="px-4 py-2 break-words">{job.title}</td>
              {showVehicle ? (
                <td className="px-4 py-2 break-words">
                  {job.vehicleId ? (
                    <Link href={`/vehicles/${job.vehicleId}`} className="text-brand-600 hover:underline">
                      {job.vehicleMake} {job.vehicleModel}
                    </Link>
                  ) : null}
                  {job.vehiclePlate ? (
                    <span className="ml-1 font-mono text-xs text-slate-500">{job.vehiclePlate}</span>
                  ) : null}
                </td>
              ) : null}
              <td className="px-4 py-2">{jobStatusLabels[job.status]}</td>
              {showVehicle ? null : (
                <td className="px-4 py-2">{job.odometerIn === null ? '—' : number.format(job.odometerIn)}</td>
              )}
              <td className="px-4 py-2">{formatDate(job.createdAt, locale)}</td>
              <td className="px-4 py-2">{formatDate(job.completedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
