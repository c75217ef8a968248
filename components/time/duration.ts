// Clocked time as people read it. Pure, safe in client components.

/** Seconds → "1:05:09" (hours:minutes:seconds). */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/** Seconds → hours with two decimals ("1.25"), like billed labor hours. */
export function secondsToHours(seconds: number): string {
  return (seconds / 3600).toFixed(2);
}
