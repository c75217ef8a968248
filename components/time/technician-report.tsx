import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { EmptyNote } from '@/components/ui/empty-note';
import type { TechnicianReportDto } from '@/db/time';
import { secondsToHours } from './duration';
import { HoursChart } from './hours-chart';

/** The report's table and its chart of clocked vs billed hours per technician. */
export function TechnicianReport({ report }: { report: TechnicianReportDto }) {
  if (report.data.length === 0) return <EmptyNote roomy>No technicians yet.</EmptyNote>;
  const bars = report.data.map((row) => ({
    label: row.name,
    clocked: Number(secondsToHours(row.clockedSeconds)),
    billed: Number(row.billedHours),
  }));
  return (
    <div className="space-y-6">
      <section aria-labelledby="report-chart-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="report-chart-heading" className="mb-2 text-lg font-semibold">
          Clocked vs billed hours
        </h2>
        <HoursChart data={bars} title="Clocked and billed hours per technician" />
      </section>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <Table>
          <TableHeader>
            <TableHead>Technician</TableHead>
            <TableHead className="text-right">Clocked hours</TableHead>
            <TableHead className="text-right">Billed hours</TableHead>
            <TableHead className="text-right">Efficiency</TableHead>
            <TableHead className="text-right">Jobs worked</TableHead>
            <TableHead className="text-right">Jobs completed</TableHead>
          </TableHeader>
          <TableBody>
            {report.data.map((row) => (
              <TableRow key={row.userId} data-testid="technician-row">
                <TableCell>{row.name}</TableCell>
                <TableCell className="text-right tabular-nums">{secondsToHours(row.clockedSeconds)}</TableCell>
                <TableCell className="text-right tabular-nums">{row.billedHours}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {row.efficiency === null ? '—' : `${Math.round(row.efficiency * 100)}%`}
                </TableCell>
                <TableCell className="text-right tabular-nums">{row.jobsWorked}</TableCell>
                <TableCell className="text-right tabular-nums">{row.jobsCompleted}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
