import { databaseIsHealthy } from '@/db/platform/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  if (await databaseIsHealthy()) return Response.json({ status: 'ok' });
  return Response.json({ status: 'error', detail: 'database unavailable' }, { status: 503 });
}
