import Link from 'next/link';
import { formatJobNumber } from '@/components/format';
import type { TimeEntryDto } from '@/db/time';
import { ClockButton } from './clock-button';

/** The technician's running clock in the header of every page: the job, the timer, and Stop. */
export function ShellClock({ clock }: { clock: TimeEntryDto }) {
  const number = formatJobNumber(clock.jobNumber);
  return (
    <section
      aria-label="Running clock"
      className="flex items-center gap-2 rounded-md bg-emerald-800 px-2 py-1 text-white"
      data-testid="shell-clock"
    >
      <span className="text-sm">
        On{' '}
        <Link href={`/jobs/${clock.jobId}`} className="font-semibold underline underline-offset-2">
          {number}
        </Link>
      </span>
      <ClockButton jobId={clock.jobId} runningSince={clock.startedAt.toISOString()} compact />
    </section>
  );
}
