export const dynamic = 'force-dynamic';

// Answered on every request, like each of the app's API routes.
export function GET() {
  return Response.json({ ok: true, at: new Date().toISOString() });
}
