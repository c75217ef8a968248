import { csvResponse } from '@/app/_lib/csv';
import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { getTechnicianReport, getTechnicianReportCsv } from '@/db/time';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/reports/technicians', {
  GET: async ({ actor, query: { format, ...query } }) =>
    format === 'csv'
      ? csvResponse(await getTechnicianReportCsv(actor, query), 'technician-report.csv')
      : getTechnicianReport(actor, query),
});
