import type { ComponentProps, ReactNode } from 'react';
import { EmptyNote } from '@/components/ui/empty-note';

/** The white bordered box of panels and tables. */
export const boxClasses = 'rounded-lg border border-slate-200 bg-white';

/**
 * A titled part of a page: a `<section>` labelled by its `<h2 id={id}>`, with optional actions on the title's
 * line. `gap` is the space under the title; `className` styles the section (a boxed panel: `${boxClasses} p-6`).
 */
export function Section({
  id,
  title,
  actions,
  gap = 'mb-2',
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  actions?: ReactNode;
  gap?: 'mb-2' | 'mb-3' | 'mb-4';
  className?: string;
  children: ReactNode;
}) {
  const heading = (
    <h2 id={id} className={actions ? 'text-lg font-semibold' : `${gap} text-lg font-semibold`}>
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={id} className={className}>
      {actions ? (
        <div className={`${gap} flex flex-wrap items-center justify-between gap-2`}>
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}

/** A panel: a titled part of a page in its white box. */
export function Panel(props: Omit<ComponentProps<typeof Section>, 'className'>) {
  return <Section {...props} className={`${boxClasses} p-6`} />;
}

/** A table in its box, or the note to show instead when `empty` is set. */
export function TableBox({
  empty,
  className = '',
  children,
}: {
  empty?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  if (empty) return <EmptyNote>{empty}</EmptyNote>;
  return <div className={`${boxClasses} ${className}`.trim()}>{children}</div>;
}
