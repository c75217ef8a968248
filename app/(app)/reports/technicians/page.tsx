import type { Metadata } from 'next';
import { readSearchParams, type RawSearchParams } from '@/app/_lib/search-params';
import { requireAdminPage } from '@/app/_lib/session';
import { PeriodForm } from '@/components/time/period-form';
import { TechnicianReport } from '@/components/time/technician-report';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { dayField, getTechnicianReport } from '@/db/time';

export const metadata: Metadata = { title: 'Technician report' };

export default async function TechnicianReportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireAdminPage();
  const { from, to } = await readSearchParams(searchParams, { from: dayField('From'), to: dayField('To') });
  const report = await getTechnicianReport(actor, { from, to }, { reversed: 'keep-start' });
  const csv = `/reports/technicians/csv?${new URLSearchParams({ from: report.from, to: report.to })}`;
  return (
    <>
      <PageHeader
        title="Technician report"
        actions={
          <a href={csv} download className={buttonClasses('secondary')}>
            Download CSV
          </a>
        }
      >
        Clocked hours (as corrected) against billed labor hours on invoices issued in the period, from {report.from} to{' '}
        {report.to} (UTC). Efficiency is billed ÷ clocked.
      </PageHeader>
      <PeriodForm from={report.from} to={report.to} />
      <TechnicianReport report={report} />
    </>
  );
}
