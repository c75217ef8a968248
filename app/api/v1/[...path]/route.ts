// Any path under /api/v1 that no route file serves: a problem+json 404 instead of the HTML not-found page.
import { problemResponse } from '@/app/api/v1/_lib/problem';

export const dynamic = 'force-dynamic';

const notFound = async (request: Request) =>
  problemResponse(404, `There is no ${new URL(request.url).pathname} in API v1. See /api/v1/openapi.json.`);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
