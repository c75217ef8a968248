'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function NavLink({ href, label }: { href: string; label: string }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={`inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium ${
        active ? 'bg-white/15 text-white' : 'text-slate-200 hover:bg-white/10 hover:text-white'
      }`}
    >
      {label}
    </Link>
  );
}
