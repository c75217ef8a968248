'use client';

import { useEffect, useState } from 'react';
import { Toast } from '@/components/ui/form-message';

/** A confirmation after a redirect (`?issued=1`): shown once, gone after a few seconds. */
export function FadingToast({ message }: { message: string }) {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(false), 4000);
    return () => clearTimeout(timer);
  }, []);
  return visible ? <Toast message={message} /> : null;
}
