// What the benchmark measures: every read (page or API), the data it needs (a key into tests/bench/scenarios.ts,
// where the data-layer calls behind it live), and the writes. Plain data, no database imports.

export type Fixtures = {
  adminId: string;
  mechanicId: string;
  nameFragment: string;
  /** The first two letters of that name: what a search-as-you-type box sends first (matched by word starts). */
  shortFragment: string;
  phoneFragment: string;
  plate: string;
  vinFragment: string;
  customerId: string;
  vehicleId: string;
  fiftyNotesJobId: string;
  /** The sent estimate's approval link on that job (tests/bench/estimates-dataset.ts derives it from the job id). */
  approvalToken: string;
};

/** The data behind a read: the same data-layer calls for a page and its API twin share one SQL floor. */
export type DataKey =
  | 'job-board'
  | 'my-jobs'
  | 'jobs-list'
  | 'worker-jobs-list'
  | 'worker-jobs-rare-status'
  | 'newcomer-jobs-list'
  | 'newcomer-my-jobs'
  | 'search-name'
  | 'search-short'
  | 'search-phone'
  | 'search-plate'
  | 'search-vin'
  | 'vehicle-search'
  | 'vehicle-search-short'
  | 'job-vehicle-picker'
  | 'job-vehicle-picker-short'
  | 'customer'
  | 'vehicle'
  | 'job-detail'
  | 'job'
  | 'job-notes'
  | 'invoices'
  | 'open-invoices'
  | 'invoice-page'
  | 'open-invoice-page'
  | 'ready-to-invoice'
  | 'dashboard'
  | 'parts-search'
  | 'parts-search-short'
  | 'approval'
  | 'technician-report';

/** What the parts search box sends: a name fragment, then its first two letters (word starts). */
export const PARTS_FRAGMENT = 'brake';
export const PARTS_SHORT_FRAGMENT = 'br';

export type Read = {
  name: string;
  kind: 'page' | 'api';
  /** `customer`: no sign-in, and each request from an address of its own (the public pages' per-address limit). */
  as: 'admin' | 'mechanic' | 'customer';
  data: DataKey;
  search: boolean;
  path: (f: Fixtures) => string;
};

const q = (text: string) => encodeURIComponent(text);

export const reads: Read[] = [
  {
    name: "customer's approval page",
    kind: 'page',
    as: 'customer',
    data: 'approval',
    search: false,
    path: (f) => `/approve/${f.approvalToken}`,
  },
  {
    name: 'GET /api/public/approvals/{token}',
    kind: 'api',
    as: 'customer',
    data: 'approval',
    search: false,
    path: (f) => `/api/public/approvals/${f.approvalToken}`,
  },
  {
    name: 'parts search',
    kind: 'page',
    as: 'mechanic',
    data: 'parts-search',
    search: true,
    path: () => `/parts?q=${q(PARTS_FRAGMENT)}`,
  },
  {
    name: 'parts search (two letters)',
    kind: 'api',
    as: 'mechanic',
    data: 'parts-search-short',
    search: true,
    path: () => `/api/v1/parts?q=${q(PARTS_SHORT_FRAGMENT)}`,
  },
  { name: 'job board', kind: 'page', as: 'admin', data: 'job-board', search: false, path: () => '/jobs' },
  {
    name: 'technician report (this month)',
    kind: 'page',
    as: 'admin',
    data: 'technician-report',
    search: false,
    path: () => '/reports/technicians',
  },
  {
    name: 'GET /api/v1/reports/technicians',
    kind: 'api',
    as: 'admin',
    data: 'technician-report',
    search: false,
    path: () => '/api/v1/reports/technicians',
  },
  {
    name: 'my jobs (busy mechanic)',
    kind: 'page',
    as: 'mechanic',
    data: 'my-jobs',
    search: false,
    path: () => '/my-jobs',
  },
  {
    name: 'customer search: name',
    kind: 'page',
    as: 'admin',
    data: 'search-name',
    search: true,
    path: (f) => `/customers?q=${q(f.nameFragment)}`,
  },
  {
    name: 'customer search: two letters',
    kind: 'page',
    as: 'admin',
    data: 'search-short',
    search: true,
    path: (f) => `/customers?q=${q(f.shortFragment)}`,
  },
  {
    name: 'customer search: phone',
    kind: 'page',
    as: 'admin',
    data: 'search-phone',
    search: true,
    path: (f) => `/customers?q=${q(f.phoneFragment)}`,
  },
  {
    name: 'customer search: plate',
    kind: 'page',
    as: 'admin',
    data: 'search-plate',
    search: true,
    path: (f) => `/customers?q=${q(f.plate)}`,
  },
  {
    name: 'customer search: VIN',
    kind: 'page',
    as: 'admin',
    data: 'search-vin',
    search: true,
    path: (f) => `/customers?q=${q(f.vinFragment)}`,
  },
  {
    name: 'vehicle search: VIN',
    kind: 'page',
    as: 'admin',
    data: 'vehicle-search',
    search: true,
    path: (f) => `/vehicles?q=${q(f.vinFragment)}`,
  },
  {
    name: 'new job: vehicle picker',
    kind: 'page',
    as: 'admin',
    data: 'job-vehicle-picker',
    search: true,
    path: (f) => `/jobs/new?q=${q(f.nameFragment)}`,
  },
  {
    name: 'customer page',
    kind: 'page',
    as: 'admin',
    data: 'customer',
    search: false,
    path: (f) => `/customers/${f.customerId}`,
  },
  {
    name: 'vehicle history',
    kind: 'page',
    as: 'admin',
    data: 'vehicle',
    search: false,
    path: (f) => `/vehicles/${f.vehicleId}`,
  },
  {
    name: 'job detail (50 notes)',
    kind: 'page',
    as: 'admin',
    data: 'job-detail',
    search: false,
    path: (f) => `/jobs/${f.fiftyNotesJobId}`,
  },
  { name: 'invoice list', kind: 'page', as: 'admin', data: 'invoice-page', search: false, path: () => '/invoices' },
  {
    name: 'invoices with an open balance',
    kind: 'page',
    as: 'admin',
    data: 'open-invoice-page',
    search: false,
    path: () => '/invoices?balance=open',
  },
  { name: 'dashboard', kind: 'page', as: 'admin', data: 'dashboard', search: false, path: () => '/dashboard' },
  { name: 'GET /api/v1/jobs', kind: 'api', as: 'admin', data: 'jobs-list', search: false, path: () => '/api/v1/jobs' },
  {
    name: 'GET /api/v1/jobs (busy mechanic)',
    kind: 'api',
    as: 'mechanic',
    data: 'worker-jobs-list',
    search: false,
    path: () => '/api/v1/jobs',
  },
  {
    name: 'GET /api/v1/jobs?status=cancelled (busy mechanic)',
    kind: 'api',
    as: 'mechanic',
    data: 'worker-jobs-rare-status',
    search: false,
    path: () => '/api/v1/jobs?status=cancelled',
  },
  {
    name: 'GET /api/v1/customers?q=name',
    kind: 'api',
    as: 'admin',
    data: 'search-name',
    search: true,
    path: (f) => `/api/v1/customers?q=${q(f.nameFragment)}`,
  },
  {
    name: 'GET /api/v1/customers?q=two letters',
    kind: 'api',
    as: 'admin',
    data: 'search-short',
    search: true,
    path: (f) => `/api/v1/customers?q=${q(f.shortFragment)}`,
  },
  {
    name: 'GET /api/v1/customers?q=phone',
    kind: 'api',
    as: 'admin',
    data: 'search-phone',
    search: true,
    path: (f) => `/api/v1/customers?q=${q(f.phoneFragment)}`,
  },
  {
    name: 'GET /api/v1/customers?q=plate',
    kind: 'api',
    as: 'admin',
    data: 'search-plate',
    search: true,
    path: (f) => `/api/v1/customers?q=${q(f.plate)}`,
  },
  {
    name: 'GET /api/v1/customers?q=vin',
    kind: 'api',
    as: 'admin',
    data: 'search-vin',
    search: true,
    path: (f) => `/api/v1/customers?q=${q(f.vinFragment)}`,
  },
  {
    name: 'GET /api/v1/customers/{id}',
    kind: 'api',
    as: 'admin',
    data: 'customer',
    search: false,
    path: (f) => `/api/v1/customers/${f.customerId}`,
  },
  {
    name: 'GET /api/v1/vehicles/{id}',
    kind: 'api',
    as: 'admin',
    data: 'vehicle',
    search: false,
    path: (f) => `/api/v1/vehicles/${f.vehicleId}`,
  },
  {
    name: 'GET /api/v1/jobs/{id}',
    kind: 'api',
    as: 'admin',
    data: 'job',
    search: false,
    path: (f) => `/api/v1/jobs/${f.fiftyNotesJobId}`,
  },
  {
    name: 'GET /api/v1/jobs/{id}/notes',
    kind: 'api',
    as: 'admin',
    data: 'job-notes',
    search: false,
    path: (f) => `/api/v1/jobs/${f.fiftyNotesJobId}/notes`,
  },
  {
    name: 'GET /api/v1/invoices',
    kind: 'api',
    as: 'admin',
    data: 'invoices',
    search: false,
    path: () => '/api/v1/invoices',
  },
];

export const writeNames = ['create job', 'add note', 'change status', 'issue invoice', 'record payment'] as const;
export type WriteName = (typeof writeNames)[number];
