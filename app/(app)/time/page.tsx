import type { Metadata } from 'next';
import { readSearchParams, param, type RawSearchParams } from '@/app/_lib/search-params';
import { requireAdminPage } from '@/app/_lib/session';
import { PeriodForm } from '@/components/time/period-form';
import { RunningClocks } from '@/components/time/running-clocks';
import { Timesheet } from '@/components/time/timesheet';
import { SelectField } from '@/components/ui/fields';
import { PageHeader } from '@/components/ui/page-header';
import { dayField, getTimesheet, listRunningClocks } from '@/db/time';
import { listActiveWorkers } from '@/db/users';

export const metadata: Metadata = { title: 'Time' };

export default async function TimePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireAdminPage();
  const query = await readSearchParams(searchParams, {
    from: dayField('From'),
    to: dayField('To'),
    userId: param.id(),
  });
  // The last seven days unless asked; a reversed or over-long period falls back to them.
  const period = query.from && query.to && query.to >= query.from ? { from: query.from, to: query.to } : {};
  const [running, timesheet, workers] = await Promise.all([
    listRunningClocks(actor),
    getTimesheet(actor, { ...period, userId: query.userId }).catch(() => getTimesheet(actor, { userId: query.userId })),
    listActiveWorkers(actor),
  ]);
  return (
    <>
      <PageHeader title="Time">
        Running clocks and the technicians’ timesheets (UTC days). Correct an entry to change its times or void it;
        every correction is kept with its reason.
      </PageHeader>
      <div className="space-y-6">
        <RunningClocks clocks={running} />
        <section aria-labelledby="timesheets-heading">
          <h2 id="timesheets-heading" className="mb-3 text-lg font-semibold">
            Timesheets
          </h2>
          <PeriodForm from={timesheet.from} to={timesheet.to}>
            <SelectField
              label="Technician"
              name="userId"
              defaultValue={query.userId ?? ''}
              options={[{ value: '', label: 'Everyone' }, ...workers.map((w) => ({ value: w.id, label: w.name }))]}
            />
          </PeriodForm>
          <Timesheet entries={timesheet.entries} />
        </section>
      </div>
    </>
  );
}
