import type { WeeklyHoursDto } from '@/db/time';
import { HoursChart } from './hours-chart';

/** The dashboard's small chart: billed vs clocked hours per week (weeks from Monday, UTC), the last 8 weeks. */
export function WeeklyHours({ weeks }: { weeks: WeeklyHoursDto[] }) {
  const bars = weeks.map((week) => ({
    label: week.weekStart.slice(5),
    clocked: week.clockedHours,
    billed: week.billedHours,
  }));
  return (
    <section aria-labelledby="weekly-hours-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="weekly-hours-heading" className="mb-2 text-lg font-semibold">
        Billed vs clocked hours, last 8 weeks
      </h2>
      <HoursChart
        data={bars}
        title="Clocked and billed hours per week, weeks starting on the dates shown"
        height={220}
      />
    </section>
  );
}
