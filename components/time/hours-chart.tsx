'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

export type HoursBar = { label: string; clocked: number; billed: number };

/**
 * Clocked vs billed hours as grouped bars (per technician on the report, per week on the dashboard). Plain
 * numbers in; the figures themselves are also in a table beside it, for screen readers and for copying.
 */
export function HoursChart({ data, title, height = 280 }: { data: HoursBar[]; title: string; height?: number }) {
  return (
    <figure className="min-w-0" data-testid="hours-chart">
      <figcaption className="sr-only">{title}</figcaption>
      <BarChart
        responsive
        style={{ width: '100%', height }}
        data={data}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: '#334155', fontSize: 12 }} />
        <YAxis tick={{ fill: '#334155', fontSize: 12 }} unit=" h" width={56} />
        <Tooltip formatter={(value) => `${Number(value).toFixed(2)} h`} />
        <Legend />
        <Bar dataKey="clocked" name="Clocked hours" fill="#1e40af" />
        <Bar dataKey="billed" name="Billed hours" fill="#047857" />
      </BarChart>
    </figure>
  );
}
