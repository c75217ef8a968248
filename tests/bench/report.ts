// What `npm run bench` judges and prints (tests/bench/run.ts measures): the targets of issue 17 — CPU per request
// against Next's own floor measured in the same run (tests/bench/next-floor), p95 at one connection, CPU at the
// top connection count against one connection, peak RSS, and the HTML + RSC payload of every page — each printed
// with its measured value, for the app and, with --before, for an earlier build measured in the same run.
import type { DataKey } from './routes';

export const TARGETS = {
  /** CPU ms per request ≤ this × Next's empty page (pages) or empty route handler (API reads, writes). */
  pageCpuRatio: 3,
  apiCpuRatio: 3,
  writeCpuRatio: 4,
  /** p95 at one connection. */
  pageP95: 50,
  apiP95: 20,
  /** CPU ms per request at 8 connections ≤ this × the same read's or write's at 1. */
  scaling: 1.3,
  rssMb: 300,
  /** HTML + RSC payload of a page (uncompressed). */
  payloadKb: 100,
  // Earlier rounds' targets, still reported (not issue 17's): the app against the raw-SQL floor, write throughput.
  sqlFloorApiRatio: 3,
  sqlFloorPageRatio: 5,
  writesPerSecond: 300,
};

/** cpuMs: CPU time (user + system) the server's process tree spent per answered request during the level. */
export type Measurement = {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  cpuMs?: number;
};

export type Payload = { htmlBytes: number; rscBytes: number; gzipBytes: number; note?: string };

export type Side = 'app' | 'before';

export type Level = {
  app?: Measurement;
  /** The earlier build (--before), measured right beside `app`. */
  before?: Measurement;
  floor?: Measurement;
  ratio?: number;
  /** Floors only: the same floor measured again after the reads and writes. */
  end?: Measurement;
};

export type Row = {
  group: 'read' | 'write' | 'floor';
  name: string;
  kind: 'page' | 'api' | 'write' | 'floor';
  path: string;
  state: 'measured' | 'missing' | 'error';
  note?: string;
  /** The earlier build's state when it differs (a route it did not have yet). */
  beforeNote?: string;
  search?: boolean;
  data?: DataKey;
  byConnections: Record<number, Level>;
  payload?: Partial<Record<Side, Payload>>;
};

export const NEXT_PAGE = 'framework: Next page, no data';
export const NEXT_ROUTE = 'framework: Next route, no data';

export function fmt(ms: number | undefined): string {
  return ms === undefined ? '-' : Number.isNaN(ms) ? 'none' : ms < 10 ? `${ms.toFixed(1)}ms` : `${ms.toFixed(0)}ms`;
}
const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const kb = (bytes: number) => bytes / 1024;

/** Next's own CPU per request at a connection count: the mean of its measurements at the start and the end. */
export function frameworkCpu(rows: Row[], name: string, connections: number): number | undefined {
  const at = rows.find((row) => row.name === name)?.byConnections[connections];
  const values = [at?.app?.cpuMs, at?.end?.cpuMs].filter((value): value is number => value !== undefined);
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : undefined;
}

export type Verdict = {
  target: string;
  /** Issue 17's targets, or an earlier round's that is still reported. */
  earlier?: boolean;
  sides: Partial<Record<Side, { pass: boolean | null; detail: string }>>;
};

type Context = { rows: Row[]; levels: number[]; rss: Partial<Record<Side, number>>; sides: Side[]; top: number };

/** Every target for every row, judged for each side measured (the same list of targets for both). */
export function judge(context: Context): Verdict[] {
  const { rows, levels, sides } = context;
  const verdicts: Verdict[] = [];
  const add = (target: string, judgeSide: (side: Side) => { pass: boolean | null; detail: string }, earlier = false) =>
    verdicts.push({ target, earlier, sides: Object.fromEntries(sides.map((side) => [side, judgeSide(side)])) });
  const low = levels.includes(1) ? 1 : Math.min(...levels);
  const high = levels.includes(8) ? 8 : Math.max(...levels);
  const absent = (row: Row, side: Side) => ({
    pass: null,
    detail:
      row.state === 'missing'
        ? 'missing (not built yet)'
        : row.state === 'error'
          ? `error: ${row.note ?? ''}`
          : side === 'before' && row.beforeNote
            ? row.beforeNote
            : 'not measured',
  });

  for (const row of rows.filter((r) => r.group === 'read' || r.group === 'write')) {
    const write = row.group === 'write';
    const route = row.kind !== 'page';
    const label = write ? `write ${row.name}` : row.name;
    const limit = write ? TARGETS.writeCpuRatio : route ? TARGETS.apiCpuRatio : TARGETS.pageCpuRatio;
    for (const connections of levels) {
      const floor = frameworkCpu(rows, route ? NEXT_ROUTE : NEXT_PAGE, connections);
      add(`${label}: CPU ≤ ${limit}× Next ${route ? 'route' : 'page'} @${connections}`, (side) => {
        const at = row.byConnections[connections]?.[side];
        if (!at) return absent(row, side);
        if (at.requests === 0) return { pass: false, detail: 'no answer within the level' };
        if (at.cpuMs === undefined || floor === undefined) return { pass: null, detail: 'no CPU measured' };
        const ratio = at.cpuMs / floor;
        const errors = at.errors + at.non2xx;
        return {
          pass: ratio <= limit && (!write || errors === 0),
          detail: `${ratio.toFixed(1)}× (${ms(at.cpuMs)} vs ${ms(floor)} ms)${errors ? `, ${errors} errors` : ''}`,
        };
      });
    }
    if (!write && levels.includes(1)) {
      const p95Limit = route ? TARGETS.apiP95 : TARGETS.pageP95;
      add(`${label}: p95 ≤ ${p95Limit} ms @1`, (side) => {
        const at = row.byConnections[1]?.[side];
        if (!at) return absent(row, side);
        const errors = at.errors + at.non2xx;
        return {
          pass: at.requests > 0 && at.p95 <= p95Limit && errors === 0,
          detail: `${at.requests ? fmt(at.p95) : 'no answer'}${errors ? `, ${errors} errors` : ''}`,
        };
      });
    }
    if (low !== high) {
      add(`${label}: CPU @${high} ≤ ${TARGETS.scaling}× CPU @1`.replace('@1', `@${low}`), (side) => {
        const a = row.byConnections[low]?.[side]?.cpuMs;
        const b = row.byConnections[high]?.[side]?.cpuMs;
        if (a === undefined || b === undefined)
          return row.state === 'measured' ? { pass: false, detail: 'no answer at one level' } : absent(row, side);
        return { pass: b / a <= TARGETS.scaling, detail: `${(b / a).toFixed(2)}× (${ms(b)} vs ${ms(a)} ms)` };
      });
    }
    if (row.kind === 'page') {
      add(`${label}: HTML + RSC ≤ ${TARGETS.payloadKb} KB`, (side) => {
        const payload = row.payload?.[side];
        if (!payload) return absent(row, side);
        const total = kb(payload.htmlBytes + payload.rscBytes);
        return {
          pass: payload.note ? false : total <= TARGETS.payloadKb,
          detail: `${total.toFixed(0)} KB (HTML ${kb(payload.htmlBytes).toFixed(0)} + RSC ${kb(payload.rscBytes).toFixed(0)}; gzip ${kb(payload.gzipBytes).toFixed(0)})${payload.note ? `; ${payload.note}` : ''}`,
        };
      });
    }
  }
  add(`server RSS ≤ ${TARGETS.rssMb} MB`, (side) => {
    const peak = context.rss[side];
    return peak === undefined
      ? { pass: null, detail: 'not measured' }
      : { pass: peak <= TARGETS.rssMb, detail: `peak ${peak.toFixed(0)} MB (sum of VmRSS over the next start tree)` };
  });

  // Earlier rounds' targets at the top connection count (the p95 targets at 32 connections are retired: issue 17).
  const top = context.top;
  for (const row of rows.filter((r) => r.group === 'read' && r.state === 'measured')) {
    const at = row.byConnections[top];
    if (at?.ratio === undefined) continue;
    const limit = row.kind === 'api' ? TARGETS.sqlFloorApiRatio : TARGETS.sqlFloorPageRatio;
    add(
      `${row.name}: app/SQL floor ≤ ${limit} @${top}`,
      (side) => {
        const app = at[side];
        if (!app || !at.floor) return absent(row, side);
        const ratio = app.p50 / Math.max(at.floor.p50, 0.01);
        return Number.isNaN(ratio)
          ? { pass: false, detail: app.requests ? 'the SQL floor gave no answer' : 'no answer' }
          : { pass: ratio <= limit, detail: ratio.toFixed(1) };
      },
      true,
    );
  }
  for (const row of rows.filter((r) => r.group === 'write')) {
    add(
      `write ${row.name}: ≥ ${TARGETS.writesPerSecond}/s @${top}`,
      (side) => {
        const app = row.byConnections[top]?.[side];
        if (!app) return absent(row, side);
        return { pass: app.rps >= TARGETS.writesPerSecond, detail: `${app.rps.toFixed(0)}/s` };
      },
      true,
    );
  }
  return verdicts;
}

const mark = (pass: boolean | null | undefined) =>
  pass === null || pass === undefined ? '-   ' : pass ? 'pass' : 'FAIL';

export function printVerdicts(verdicts: Verdict[], sides: Side[]) {
  const paired = sides.includes('before');
  const section = (title: string, list: Verdict[]) => {
    console.log(`\n${title}${paired ? ' (after, then [before] measured in the same run)' : ''}`);
    const width = Math.max(...list.map((verdict) => verdict.target.length));
    for (const verdict of list) {
      const after = verdict.sides.app;
      const before = verdict.sides.before;
      console.log(
        `  ${mark(after?.pass)}  ${verdict.target.padEnd(width)}  ${after?.detail ?? ''}` +
          (paired ? `   [before ${mark(before?.pass).trim()} ${before?.detail ?? ''}]` : ''),
      );
    }
  };
  section(
    'Targets (issue 17)',
    verdicts.filter((verdict) => !verdict.earlier),
  );
  section(
    'Earlier rounds’ targets, still reported',
    verdicts.filter((verdict) => verdict.earlier),
  );
  for (const side of sides) {
    const mine = verdicts.filter((verdict) => !verdict.earlier).map((verdict) => verdict.sides[side]);
    const count = (pass: boolean | null) => mine.filter((one) => one?.pass === pass).length;
    console.log(
      `${side === 'app' ? 'after ' : 'before'}: issue 17 targets ${count(true)} pass, ${count(false)} fail, ${count(null)} not measured`,
    );
  }
}

export function printTable(rows: Row[], levels: number[], sides: Side[]) {
  const paired = sides.includes('before');
  const header = ['', 'conns', 'p50', 'p95', 'p99', 'req/s', 'errors', 'cpu ms/req', '×Next'];
  if (paired) header.push('before p95', 'before cpu', 'before ×Next');
  header.push('floor p50', 'app/floor');
  const lines: string[][] = [header];
  const notes: string[] = [];
  for (const row of rows) {
    if (row.state !== 'measured') {
      notes.push(`${row.name}  ${row.state === 'missing' ? 'missing' : 'error'}: ${row.note ?? ''}`);
      continue;
    }
    const route = row.kind !== 'page';
    for (const connections of levels) {
      const at = row.byConnections[connections];
      if (!at?.app) continue;
      const floorCpu =
        row.group === 'floor' ? undefined : frameworkCpu(rows, route ? NEXT_ROUTE : NEXT_PAGE, connections);
      const times = (value: number | undefined) =>
        value !== undefined && floorCpu ? `${(value / floorCpu).toFixed(1)}×` : '-';
      const cpu = (value: number | undefined) => (value !== undefined ? value.toFixed(1) : '-');
      const line = [
        connections === levels[0] ? row.name : '',
        String(connections),
        fmt(at.app.p50),
        fmt(at.app.p95),
        fmt(at.app.p99),
        at.app.rps.toFixed(0),
        String(at.app.errors + at.app.non2xx),
        row.group === 'floor' && at.end ? `${cpu(at.app.cpuMs)}/${cpu(at.end.cpuMs)}` : cpu(at.app.cpuMs),
        times(at.app.cpuMs),
      ];
      if (paired) line.push(fmt(at.before?.p95), cpu(at.before?.cpuMs), times(at.before?.cpuMs));
      line.push(fmt(at.floor?.p50), at.ratio !== undefined ? at.ratio.toFixed(1) : '-');
      lines.push(line);
    }
  }
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  console.log('');
  for (const line of lines)
    console.log(
      line.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('  '),
    );
  for (const note of notes) console.log(note);
  console.log('(framework rows: cpu ms/req at the start / at the end of the run; ×Next uses their mean)');

  const pages = rows.filter((row) => row.kind === 'page' && row.payload?.app);
  if (pages.length === 0) return;
  console.log('\nHTML + RSC payload per page (KB, uncompressed; gzip in brackets)');
  const width = Math.max(...pages.map((row) => row.name.length));
  const total = (payload: Payload | undefined) =>
    payload
      ? `${kb(payload.htmlBytes + payload.rscBytes).toFixed(0)} (HTML ${kb(payload.htmlBytes).toFixed(0)} + RSC ${kb(payload.rscBytes).toFixed(0)}) [${kb(payload.gzipBytes).toFixed(0)}]`
      : '-';
  for (const row of pages)
    console.log(
      `  ${row.name.padEnd(width)}  ${total(row.payload?.app).padEnd(30)}${paired ? `  before ${total(row.payload?.before)}` : ''}`,
    );
}
