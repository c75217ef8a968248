'use client';

import { useEffect } from 'react';

const REFRESH_EVERY_MS = 5 * 60 * 1000;

/**
 * The session cookie is idle-timed: it is renewed when someone uses the screen (taps, types), at most every
 * five minutes, so an unattended shared tablet signs itself out after the idle timeout.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < REFRESH_EVERY_MS) return;
      last = Date.now();
      void fetch('/api/auth/session', { credentials: 'same-origin' });
    };
    window.addEventListener('pointerdown', onActivity);
    window.addEventListener('keydown', onActivity);
    return () => {
      window.removeEventListener('pointerdown', onActivity);
      window.removeEventListener('keydown', onActivity);
    };
  }, []);
  return null;
}
