// The report page's Download CSV, with the browser session (the API's `format=csv` answers bearer tokens).
import { csvResponse } from '@/app/_lib/csv';
import { actionError } from '@/app/_lib/action';
import { refusalStatus } from '@/app/_lib/refusal-status';
import { currentActor } from '@/app/_lib/session';
import { getTechnicianReportCsv } from '@/db/time';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const csv = await getTechnicianReportCsv(await currentActor(), { from: query.from, to: query.to });
    return csvResponse(csv, 'technician-report.csv');
  } catch (error) {
    const refusal = actionError(error);
    const message = refusal.ok ? '' : refusal.message;
    return new Response(message, {
      status: refusal.ok || refusal.code === 'error' ? 500 : refusalStatus[refusal.code],
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
}
