'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/login' })}
      className="inline-flex min-h-11 items-center rounded-md border border-white/30 px-3 text-sm font-medium text-white hover:bg-white/10"
    >
      Sign out
    </button>
  );
}
