import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Actor } from '@/db/core/actor';
import type { TimeEntryDto } from '@/db/time';
import { ShellClock } from '@/components/time/shell-clock';
import { NavLink } from './nav-link';
import { SessionKeepAlive } from './session-keep-alive';
import { SignOutButton } from './sign-out-button';

export const navigationByRole = {
  admin: [
    { href: '/dashboard', label: 'Dashboard' },
    { href: '/jobs', label: 'Jobs' },
    { href: '/customers', label: 'Customers' },
    { href: '/vehicles', label: 'Vehicles' },
    { href: '/invoices', label: 'Invoices' },
    { href: '/parts', label: 'Parts' },
    { href: '/vendors', label: 'Vendors' },
    { href: '/purchase-orders', label: 'Purchase orders' },
    { href: '/time', label: 'Time' },
    { href: '/reports/technicians', label: 'Reports' },
    { href: '/users', label: 'Users' },
  ],
  worker: [
    { href: '/my-jobs', label: 'My jobs' },
    { href: '/customers', label: 'Customers' },
    { href: '/vehicles', label: 'Vehicles' },
    { href: '/parts', label: 'Parts' },
  ],
} as const;

export function AppShell({
  actor,
  clock = null,
  children,
}: {
  actor: Actor;
  /** The signed-in technician's running clock, shown on every page. */
  clock?: TimeEntryDto | null;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="no-print bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <span className="mr-2 text-lg font-semibold">Workshop ERP</span>
          <nav aria-label="Main" className="flex flex-1 flex-wrap items-center gap-1">
            {navigationByRole[actor.role].map((item) => (
              <NavLink key={item.href} href={item.href} label={item.label} />
            ))}
          </nav>
          <div className="flex flex-wrap items-center gap-3">
            {clock ? <ShellClock clock={clock} /> : null}
            <span className="text-sm text-slate-300" data-testid="signed-in-user">
              {actor.name} <span className="rounded bg-white/10 px-1.5 py-0.5 text-xs uppercase">{actor.role}</span>
            </span>
            <Link
              href="/account"
              className="inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-white underline-offset-4 hover:underline"
            >
              Your account
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      <SessionKeepAlive />
    </div>
  );
}
