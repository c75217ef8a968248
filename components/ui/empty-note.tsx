import type { ReactNode } from 'react';

/** The boxed line a list or section shows instead of an empty table. */
export function EmptyNote({ roomy = false, children }: { roomy?: boolean; children: ReactNode }) {
  return (
    <p className={`rounded-lg border border-slate-200 bg-white px-4 ${roomy ? 'py-6' : 'py-4'} text-sm text-slate-600`}>
      {children}
    </p>
  );
}
