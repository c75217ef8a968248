'use client';

import { useEffect, useState } from 'react';
import { Toast } from '@/components/ui/form-message';

/**
 * The confirmation after a save that redirected here (?saved=1): shown once, then the flag leaves the URL so a
 * reload or a later refresh of the page does not show it again.
 */
export function SavedToast({ message, params = ['saved', 'vehicleSaved'] }: { message: string; params?: string[] }) {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const url = new URL(window.location.href);
    for (const param of params) url.searchParams.delete(param);
    window.history.replaceState(window.history.state, '', url);
    const timer = setTimeout(() => setVisible(false), 4000);
    return () => clearTimeout(timer);
    // runs once per save confirmation
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return visible ? <Toast message={message} /> : null;
}
