'use client';

import { useFormStatus } from 'react-dom';
import { Button } from './button';

export function SubmitButton({
  children,
  pendingLabel = 'Saving…',
  variant,
  size,
  className,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'md' | 'lg';
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      variant={variant}
      size={size}
      className={className}
    >
      {pending ? pendingLabel : children}
    </Button>
  );
}
