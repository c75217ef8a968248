import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { JobClockedTimeDto } from '@/db/time';
import { formatDuration, secondsToHours } from './duration';

/** The job page's clocked time: per technician and in total, beside the labor hours billed on its invoice. */
export function JobClockedTime({ clocked }: { clocked: JobClockedTimeDto }) {
  return (
    <section aria-labelledby="clocked-heading" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="clocked-heading" className="mb-3 text-lg font-semibold">
        Clocked time
      </h2>
      {clocked.technicians.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody has clocked on this job yet.</p>
      ) : (
        <Table density="compact">
          <TableHeader>
            <TableHead>Technician</TableHead>
            <TableHead className="text-right">Clocked</TableHead>
            <TableHead className="text-right">Billed hours</TableHead>
          </TableHeader>
          <TableBody>
            {clocked.technicians.map((row) => (
              <TableRow key={row.userId}>
                <TableCell>
                  {row.name}
                  {row.running ? (
                    <span className="ml-2 text-xs font-medium text-emerald-700">clock running</span>
                  ) : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatDuration(row.clockedSeconds)} ({secondsToHours(row.clockedSeconds)} h)
                </TableCell>
                <TableCell className="text-right tabular-nums">{row.billedHours}</TableCell>
              </TableRow>
            ))}
            <TableRow className="font-semibold">
              <TableCell>Total</TableCell>
              <TableCell className="text-right tabular-nums" data-testid="clocked-total">
                {formatDuration(clocked.totalSeconds)} ({secondsToHours(clocked.totalSeconds)} h)
              </TableCell>
              <TableCell className="text-right tabular-nums" data-testid="billed-total">
                {clocked.billedHours}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
    </section>
  );
}
