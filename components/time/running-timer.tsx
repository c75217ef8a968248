'use client';

import { useEffect, useState } from 'react';
import { formatDuration } from './duration';

/** A clock's time so far (h:mm:ss), counted from the server's start time and ticking every second. */
export function RunningTimer({ startedAt, className }: { startedAt: string; className?: string }) {
  const start = new Date(startedAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time
      dateTime={startedAt}
      className={`font-mono tabular-nums ${className ?? ''}`}
      suppressHydrationWarning
      data-testid="running-timer"
    >
      {formatDuration(Math.max(0, Math.floor((now - start) / 1000)))}
    </time>
  );
}
