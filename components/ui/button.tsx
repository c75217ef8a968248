import Link from 'next/link';
import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** `.btn` and its sizes and variants live in app/globals.css: a button is drawn hundreds of times on some screens. */
export function buttonClasses(variant: Variant = 'primary', size: 'md' | 'lg' = 'md'): string {
  return `btn btn-${size} btn-${variant}`;
}

export function Button({
  variant = 'primary',
  size = 'md',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: 'md' | 'lg' }) {
  return <button className={`${buttonClasses(variant, size)} ${className}`} {...props} />;
}

/** A link that looks like a button (a page's "New …", "Edit", a pager's pages). */
export function ButtonLink({
  href,
  variant = 'primary',
  children,
}: {
  href: string;
  variant?: Variant;
  children: ReactNode;
}) {
  return (
    <Link href={href} className={buttonClasses(variant)}>
      {children}
    </Link>
  );
}
