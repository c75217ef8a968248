// next-auth (v4) configuration: email + password against our users table, JWT sessions that carry the user
// id, role and session version. The cookie is only a claim: app/_lib/session.ts re-checks it against the database
// on every request, so deactivation, a role change or a password change end the session at once.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authSecret } from '@/db/auth/secret';
import { signInWithPassword, throttledMessage } from '@/db/auth/sign-in';
import { logUnexpectedError } from './log-error';

/** The only other text a failed sign-in carries in its error URL (next-auth puts a thrown message there). */
export const SIGN_IN_UNAVAILABLE = 'Signing in is not possible right now. Please try again in a moment.';

/** A shared tablet: a session ends after this long without use... */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
/** ...and in any case this long after signing in (one long shift). */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

declare module 'next-auth' {
  interface Session {
    userId: string;
    role: 'admin' | 'worker';
    sessionVersion: number;
    authenticatedAt: number;
  }
  interface User {
    role: 'admin' | 'worker';
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId?: string;
    role?: 'admin' | 'worker';
    sessionVersion?: number;
    authenticatedAt?: number;
  }
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS, updateAge: 5 * 60 },
  jwt: { maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        // A database error's text (its SQL, its parameters) must never become the error URL: log it, say less.
        const result = await signInWithPassword(credentials?.email, credentials?.password).catch((error: unknown) => {
          logUnexpectedError('sign-in', error);
          throw new Error(SIGN_IN_UNAVAILABLE);
        });
        // The throttle message reaches the form as the sign-in error; every other failure is the generic one.
        if (!result.ok && result.reason === 'throttled') throw new Error(throttledMessage(result.retryAfterSeconds));
        if (!result.ok) return null;
        const verified = result.claims;
        return {
          id: verified.userId,
          email: verified.email,
          name: verified.name,
          role: verified.role,
          sessionVersion: verified.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
        token.authenticatedAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      session.userId = token.userId ?? '';
      session.role = token.role ?? 'worker';
      session.sessionVersion = token.sessionVersion ?? 0;
      session.authenticatedAt = token.authenticatedAt ?? 0;
      return session;
    },
  },
};
