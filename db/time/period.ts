// Report periods are whole UTC days, both ends included: from 00:00 of `from` to 24:00 of `to`.

/** The first and last day of the current UTC month, as "YYYY-MM-DD". */
export function thisMonth(now = new Date()): { from: string; to: string } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  return { from: day(first), to: day(last) };
}

/** The last `count` UTC days, today included. */
export function lastDays(count: number, now = new Date()): { from: string; to: string } {
  return { from: day(new Date(now.getTime() - (count - 1) * 86_400_000)), to: day(now) };
}

export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The instants a period of days covers: [start, end). */
export function periodBounds(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start, end };
}

/** The longest period a report or timesheet covers (a few years of a chain's history stays one statement). */
export const MAX_PERIOD_DAYS = 3700;

export function periodDays(from: string, to: string): number {
  const { start, end } = periodBounds(from, to);
  return Math.round((end.getTime() - start.getTime()) / 86_400_000);
}
