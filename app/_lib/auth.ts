// next-auth (v4) configuration: email + password against our users table, JWT sessions that carry the user
// id, role and a server-side session id. The cookie is only a claim: app/_lib/session.ts checks it against the
// `sessions` row on every request, so signing out, deactivation, a role change or a password change end the
// session at once, even for a copied cookie.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { safeCallbackPath } from '@/components/auth/safe-callback';
import { BUSY_SIGN_IN_ERROR } from '@/components/auth/sign-in-errors';
import { authSecret } from '@/db/auth/secret';
import { endSession, openSession, SESSION_ABSOLUTE_HOURS } from '@/db/auth/sessions';
import { signInWithPassword, throttledMessage } from '@/db/auth/sign-in';
import { DomainError, isConnectionError } from '@/db/core/errors';
import { secureCookies } from '@/db/platform/env';
import { clientAddress } from './client-address';
import { logUnexpectedError } from './log-error';

/** The only other text a failed sign-in carries in its error URL (next-auth puts a thrown message there). */
export const SIGN_IN_UNAVAILABLE = 'Signing in is not possible right now. Please try again in a moment.';

/** A shared tablet: a session ends after this long without use... */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
/** ...and in any case this long after signing in (one long shift). */
export const SESSION_ABSOLUTE_SECONDS = SESSION_ABSOLUTE_HOURS * 60 * 60;

declare module 'next-auth' {
  interface Session {
    userId: string;
    role: 'admin' | 'worker';
    sessionId: string;
    authenticatedAt: number;
  }
  interface User {
    role: 'admin' | 'worker';
    sessionId: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId?: string;
    role?: 'admin' | 'worker';
    sessionId?: string;
    authenticatedAt?: number;
  }
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  // Secure cookies (and their __Secure-/__Host- names) in production unless NEXTAUTH_URL says plain http.
  useSecureCookies: secureCookies(),
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS, updateAge: 5 * 60 },
  jwt: { maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        let result;
        try {
          result = await signInWithPassword(credentials?.email, credentials?.password, {
            address: clientAddress(request?.headers),
          });
        } catch (error) {
          // The password queue is full: app/api/auth/[...nextauth]/route.ts turns this into a 503.
          if (error instanceof DomainError && error.kind === 'unavailable' && !isConnectionError(error))
            throw new Error(BUSY_SIGN_IN_ERROR);
          // A database error's text (its SQL, its parameters) must never become the error URL: log it, say less.
          logUnexpectedError('sign-in', error);
          throw new Error(SIGN_IN_UNAVAILABLE);
        }
        // The throttle message reaches the form as the sign-in error; every other failure is the generic one.
        if (!result.ok && result.reason === 'throttled') throw new Error(throttledMessage(result.retryAfterSeconds));
        if (!result.ok) return null;
        const verified = result.claims;
        return {
          id: verified.userId,
          email: verified.email,
          name: verified.name,
          role: verified.role,
          sessionId: await openSession(verified),
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.role = user.role;
        token.sessionId = user.sessionId;
        token.authenticatedAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      session.userId = token.userId ?? '';
      session.role = token.role ?? 'worker';
      session.sessionId = token.sessionId ?? '';
      session.authenticatedAt = token.authenticatedAt ?? 0;
      return session;
    },
    // Only ever back to this site (next-auth's default also lets other origins' absolute URLs through a check
    // we would rather not depend on).
    redirect({ url, baseUrl }) {
      return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
    },
  },
  events: {
    async signOut({ token }) {
      await endSession(token?.sessionId);
    },
  },
};
