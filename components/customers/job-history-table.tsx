import Link from 'next/link';
import { formatDate, formatJobNumber, numberFormat } from '@/components/format';
import { EmptyNote } from '@/components/ui/empty-note';
import { Table, TableCell, TableHead, TableHeader, TableRows } from '@/components/ui/table';
import { jobStatusLabels } from '@/db/core/labels';
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
    return <EmptyNote>No jobs yet.</EmptyNote>;
  }
  const number = numberFormat(locale);
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <Table fixed>
        <TableHeader columns={[['Job', 'w-28']]}>
          <TableHead>Title</TableHead>
          {showVehicle ? <TableHead className="w-[22%]">Vehicle</TableHead> : null}
          <TableHead className="w-36">Status</TableHead>
          {showVehicle ? null : <TableHead className="w-28">Odometer in</TableHead>}
          <TableHead className="w-32">Opened</TableHead>
          <TableHead className="w-32">Completed</TableHead>
        </TableHeader>
        <TableRows rows={jobs}>
          {(job) => (
            <>
              <TableCell>
                <Link href={`/jobs/${job.id}`} className="font-mono text-brand-600 hover:underline">
                  {formatJobNumber(job.number)}
                </Link>
              </TableCell>
              <TableCell className="break-words">{job.title}</TableCell>
              {showVehicle ? (
                <TableCell className="break-words">
                  {job.vehicleId ? (
                    <Link href={`/vehicles/${job.vehicleId}`} className="text-brand-600 hover:underline">
                      {job.vehicleMake} {job.vehicleModel}
                    </Link>
                  ) : null}
                  {job.vehiclePlate ? (
                    <span className="ml-1 font-mono text-xs text-slate-500">{job.vehiclePlate}</span>
                  ) : null}
                </TableCell>
              ) : null}
              <TableCell>{jobStatusLabels[job.status]}</TableCell>
              {showVehicle ? null : (
                <TableCell>{job.odometerIn === null ? '—' : number.format(job.odometerIn)}</TableCell>
              )}
              <TableCell>{formatDate(job.createdAt, locale)}</TableCell>
              <TableCell>{formatDate(job.completedAt, locale)}</TableCell>
            </>
          )}
        </TableRows>
      </Table>
    </div>
  );
}
