'use client';

import { useEffect, useState } from 'react';
import { Toast } from './form-message';

/**
 * A confirmation carried over a redirect (`?saved=1`, `?created=1`): shown once, gone after a few seconds. The
 * flags named in `clearParams` leave the address, so a reload does not show it again.
 */
export function FlashToast({ message, clearParams = [] }: { message: string; clearParams?: string[] }) {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    if (clearParams.length > 0) {
      const url = new URL(window.location.href);
      for (const param of clearParams) url.searchParams.delete(param);
      window.history.replaceState(window.history.state, '', url);
    }
    const timer = setTimeout(() => setVisible(false), 4000);
    return () => clearTimeout(timer);
    // runs once per confirmation
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return visible ? <Toast message={message} /> : null;
}
