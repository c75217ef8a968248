// The data-layer calls behind each read (tests/bench/routes.ts), and a way to capture the SQL they send. Used by
// tests/bench/capture-sql.ts (the benchmark's raw-SQL floor replays exactly these statements) and by
// tests/integration/explain.test.ts (EXPLAINs them). Imports db/ modules, so it runs only where 'server-only'
// resolves to its empty build (vitest alias, or node --conditions=react-server).
import type { Actor } from '@/db/core/actor';
import { getDb, listenToStatements } from '@/db/client';
import { getCustomer, listCustomers } from '@/db/customers';
import { getDashboardSummary } from '@/db/dashboard';
import { listInvoices, listJobsReadyToInvoice } from '@/db/invoices';
import { getJob, getJobHistory, listJobs, listJobsForBoard, listMyJobs, searchVehiclesForJob } from '@/db/jobs';
import { listJobNotes } from '@/db/notes';
import { getShopSettings } from '@/db/settings';
import { listActiveWorkers } from '@/db/users';
import { getVehicle, listVehicles } from '@/db/vehicles';
import { listJobParts, listParts } from '@/db/parts';
import { getPublicEstimate, listJobEstimateEvents, listJobEstimates } from '@/db/estimates';
import { getMyRunningClock, getTechnicianReport } from '@/db/time';
import { PARTS_FRAGMENT, PARTS_SHORT_FRAGMENT, type DataKey, type Fixtures } from './routes';

export type Statement = { sql: string; params: unknown[]; name?: string };
/** `newcomer`: a worker with no jobs yet (the benchmark's capture uses an id no job mentions). */
export type Actors = { admin: Actor; mechanic: Actor; newcomer: Actor };

/** What each page or endpoint asks the data layer for (the page's own calls; the session re-check aside). */
export const dataCalls: Record<DataKey, (actors: Actors, f: Fixtures) => Promise<unknown>> = {
  'job-board': async ({ admin }) => {
    await listActiveWorkers(admin);
    await getShopSettings(admin);
    return listJobsForBoard(admin, { perColumn: 20 }); // the page's PER_COLUMN
  },
  // My jobs with the mechanic's running clock (the page and the shell both show it).
  'my-jobs': async ({ mechanic }) => {
    await getMyRunningClock(mechanic);
    return listMyJobs(mechanic);
  },
  'jobs-list': ({ admin }) => listJobs(admin, {}),
  'worker-jobs-list': ({ mechanic }) => listJobs(mechanic, {}),
  'worker-jobs-rare-status': ({ mechanic }) => listJobs(mechanic, { status: 'cancelled' }),
  'newcomer-jobs-list': ({ newcomer }) => listJobs(newcomer, {}),
  'newcomer-my-jobs': ({ newcomer }) => listMyJobs(newcomer),
  'search-name': ({ admin }, f) => listCustomers(admin, { q: f.nameFragment }),
  'search-short': ({ admin }, f) => listCustomers(admin, { q: f.shortFragment }),
  'search-phone': ({ admin }, f) => listCustomers(admin, { q: f.phoneFragment }),
  'search-plate': ({ admin }, f) => listCustomers(admin, { q: f.plate }),
  'search-vin': ({ admin }, f) => listCustomers(admin, { q: f.vinFragment }),
  'vehicle-search': ({ admin }, f) => listVehicles(admin, { q: f.vinFragment, limit: 25 }),
  'vehicle-search-short': ({ admin }, f) => listVehicles(admin, { q: f.shortFragment, limit: 25 }),
  'job-vehicle-picker': ({ admin }, f) => searchVehiclesForJob(admin, { q: f.nameFragment, limit: 20 }),
  'job-vehicle-picker-short': ({ admin }, f) => searchVehiclesForJob(admin, { q: f.shortFragment, limit: 20 }),
  customer: ({ admin }, f) => getCustomer(admin, f.customerId),
  vehicle: ({ admin }, f) => getVehicle(admin, f.vehicleId),
  'job-detail': async ({ admin }, f) => {
    await getJob(admin, f.fiftyNotesJobId);
    await getJobHistory(admin, f.fiftyNotesJobId);
    await listJobParts(admin, f.fiftyNotesJobId); // the job page's Parts panel
    await listJobEstimates(admin, f.fiftyNotesJobId); // its Estimate panel (v2 sent, v1 superseded)
    await listJobEstimateEvents(admin, f.fiftyNotesJobId); // the estimate entries of its timeline
    return listJobNotes(admin, f.fiftyNotesJobId);
  },
  job: ({ admin }, f) => getJob(admin, f.fiftyNotesJobId),
  'job-notes': ({ admin }, f) => listJobNotes(admin, f.fiftyNotesJobId),
  invoices: ({ admin }) => listInvoices(admin, {}),
  'open-invoices': ({ admin }) => listInvoices(admin, { balance: 'open' }),
  'invoice-page': ({ admin }) => invoicePage(admin, {}),
  'open-invoice-page': ({ admin }) => invoicePage(admin, { balance: 'open' }),
  'ready-to-invoice': ({ admin }) => listJobsReadyToInvoice(admin, { limit: 5 }),
  'parts-search': ({ mechanic }) => listParts(mechanic, { q: PARTS_FRAGMENT, limit: 25 }),
  'parts-search-short': ({ mechanic }) => listParts(mechanic, { q: PARTS_SHORT_FRAGMENT, limit: 25 }),
  // The public page and its API: the link's estimate, the shop, the vehicle (and the per-address count).
  approval: (_actors, f) => getPublicEstimate(f.approvalToken, { address: '198.51.100.1', userAgent: 'bench' }),
  'technician-report': ({ admin }) => getTechnicianReport(admin, {}),
  dashboard: async ({ admin }) => {
    await getShopSettings(admin);
    return getDashboardSummary(admin);
  },
};

/** The invoice pages: the shop's settings (formats), the first jobs ready to invoice, a page of invoices. */
async function invoicePage(admin: Actor, filter: { balance?: 'open' }) {
  await getShopSettings(admin);
  await listJobsReadyToInvoice(admin, { limit: 5 });
  return listInvoices(admin, { ...filter, limit: 25 });
}

/** Runs `work` and returns every statement the data layer sent meanwhile. */
export async function captureStatements(work: () => Promise<unknown>): Promise<Statement[]> {
  await getDb(); // opened (and migrated) before listening
  const statements: Statement[] = [];
  const stop = listenToStatements((query, params) => statements.push({ sql: query, params: [...params] }));
  try {
    await work();
  } finally {
    stop();
  }
  return statements;
}

/** Turns query parameters into what pg/PGlite accept when the statement is sent again. */
export function replayableParams(params: unknown[]): unknown[] {
  return params.map((value) => (value instanceof Date ? value.toISOString() : value));
}
