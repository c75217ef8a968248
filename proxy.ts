// A convenience only: sends signed-out visitors to /login and workers away from admin screens, judging by the
// session cookie alone. The real checks are in db/ (every page, action and API handler asks the database).
import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { authSecret } from './db/auth/secret';
import { secureCookies } from './db/platform/env';

const adminOnly = [
  /^\/dashboard(\/|$)/,
  /^\/jobs\/?$/,
  /^\/invoices(\/|$)/,
  /^\/users(\/|$)/,
  /^\/settings(\/|$)/,
  /^\/audit(\/|$)/,
];

/** No form posts more than the server actions' body limit (next.config.ts): a bigger declared body is 413 unread. */
const MAX_PAGE_BODY_BYTES = 1024 * 1024;

export async function proxy(request: NextRequest) {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_PAGE_BODY_BYTES) {
    return new NextResponse('The form is larger than 1 MB.', {
      status: 413,
      headers: { 'Content-Type': 'text/plain' },
    });
  }
  const { pathname, search } = request.nextUrl;
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: secureCookies() });
  if (!token?.userId) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  if (token.role !== 'admin' && adminOnly.some((pattern) => pattern.test(pathname))) {
    return NextResponse.redirect(new URL('/my-jobs?denied=1', request.url));
  }
  return NextResponse.next();
}

export const config = {
  // Everything except sign-in, first-run setup, the customer approval page, the API endpoints, and static files.
  matcher: ['/((?!login|setup|approve/|api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
