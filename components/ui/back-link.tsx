import Link from 'next/link';
import type { ReactNode } from 'react';

/** The link above a page's header back to the list it belongs to ("← Users"). */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="text-brand-700 hover:underline">
        ← {children}
      </Link>
    </p>
  );
}
