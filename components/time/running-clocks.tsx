import Link from 'next/link';
import { formatJobNumber } from '@/components/format';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { TimeEntryDto } from '@/db/time';
import { ClockButton } from './clock-button';

/** Every clock running now, with the admin's Stop for each. */
export function RunningClocks({ clocks }: { clocks: TimeEntryDto[] }) {
  return (
    <section aria-labelledby="running-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="running-heading" className="mb-2 text-lg font-semibold">
        Running now
      </h2>
      {clocks.length === 0 ? (
        <p className="text-sm text-slate-600">No clock is running.</p>
      ) : (
        <Table density="compact">
          <TableHeader>
            <TableHead>Technician</TableHead>
            <TableHead>Job</TableHead>
            <TableHead>Since (UTC)</TableHead>
            <TableHead>Running</TableHead>
          </TableHeader>
          <TableBody>
            {clocks.map((clock) => (
              <TableRow key={clock.id} data-testid="running-clock">
                <TableCell>{clock.userName}</TableCell>
                <TableCell>
                  <Link href={`/jobs/${clock.jobId}`} className="text-brand-700 hover:underline">
                    {formatJobNumber(clock.jobNumber)}
                  </Link>
                </TableCell>
                <TableCell className="tabular-nums">
                  {clock.startedAt.toISOString().slice(0, 16).replace('T', ' ')}
                </TableCell>
                <TableCell>
                  <ClockButton
                    jobId={clock.jobId}
                    userId={clock.userId}
                    runningSince={clock.startedAt.toISOString()}
                    compact
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
