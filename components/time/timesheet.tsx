import Link from 'next/link';
import { formatJobNumber } from '@/components/format';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { EmptyNote } from '@/components/ui/empty-note';
import type { TimeEntryDto } from '@/db/time';
import { formatDuration, secondsToHours } from './duration';

const time = (date: Date | null) => (date ? date.toISOString().slice(11, 16) : '—');

/** Entries grouped by technician, then by day (UTC, by start): each day's entries and its total. */
function byTechnicianAndDay(entries: TimeEntryDto[]) {
  const technicians = new Map<string, { name: string; days: Map<string, TimeEntryDto[]> }>();
  for (const entry of entries) {
    const technician = technicians.get(entry.userId) ?? { name: entry.userName, days: new Map() };
    technicians.set(entry.userId, technician);
    const day = entry.startedAt.toISOString().slice(0, 10);
    technician.days.set(day, [...(technician.days.get(day) ?? []), entry]);
  }
  return technicians;
}

const counted = (entries: TimeEntryDto[]) =>
  entries.filter((entry) => !entry.voided).reduce((sum, entry) => sum + entry.durationSeconds, 0);

/** The admin's timesheets: per technician and day, every entry with a link to correct it. */
export function Timesheet({ entries }: { entries: TimeEntryDto[] }) {
  if (entries.length === 0) return <EmptyNote roomy>No clocked time in this period.</EmptyNote>;
  return (
    <div className="space-y-6">
      {[...byTechnicianAndDay(entries)].map(([userId, technician]) => {
        const all = [...technician.days.values()].flat();
        return (
          <section
            key={userId}
            aria-label={`Timesheet of ${technician.name}`}
            className="rounded-lg border border-slate-200 bg-white"
          >
            <h3 className="flex justify-between px-4 pt-3 text-base font-semibold">
              <span>{technician.name}</span>
              <span className="tabular-nums">{secondsToHours(counted(all))} h</span>
            </h3>
            <Table density="compact">
              <TableHeader>
                <TableHead>Day</TableHead>
                <TableHead>Job</TableHead>
                <TableHead>Start</TableHead>
                <TableHead>End</TableHead>
                <TableHead className="text-right">Time</TableHead>
                <TableHead>
                  <span className="sr-only">Correct</span>
                </TableHead>
              </TableHeader>
              <TableBody>
                {[...technician.days].flatMap(([day, dayEntries]) => [
                  ...dayEntries.map((entry) => (
                    <TableRow key={entry.id} className={entry.voided ? 'text-slate-500 line-through' : undefined}>
                      <TableCell>{day}</TableCell>
                      <TableCell>
                        <Link href={`/jobs/${entry.jobId}`} className="text-brand-700 hover:underline">
                          {formatJobNumber(entry.jobNumber)}
                        </Link>
                      </TableCell>
                      <TableCell className="tabular-nums">{time(entry.startedAt)}</TableCell>
                      <TableCell className="tabular-nums">{entry.endedAt ? time(entry.endedAt) : 'running'}</TableCell>
                      <TableCell className="text-right tabular-nums">
                        {formatDuration(entry.durationSeconds)}
                        {entry.adjusted ? ' (corrected)' : ''}
                        {entry.voided ? ' (void)' : ''}
                      </TableCell>
                      <TableCell>
                        <Link href={`/time/entries/${entry.id}`} className="text-brand-700 hover:underline">
                          Correct
                          <span className="sr-only">
                            {' '}
                            entry of {day} {time(entry.startedAt)}
                          </span>
                        </Link>
                      </TableCell>
                    </TableRow>
                  )),
                  <TableRow key={`${day}-total`} className="bg-slate-50 font-medium">
                    <TableCell colSpan={4}>Total {day}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatDuration(counted(dayEntries))}</TableCell>
                    <TableCell />
                  </TableRow>,
                ])}
              </TableBody>
            </Table>
          </section>
        );
      })}
    </div>
  );
}
