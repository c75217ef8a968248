// The authorization matrix: every server action and every API route × every kind of caller, with the outcome
// the product promises. Data, not prose: tests/integration/authorization-matrix.test.ts walks every cell, and
// fails when an action or route exists that this table does not list.
//
// The callers: a job J created by an admin and assigned to "assignedWorker"; "otherWorker" is neither assigned
// to J nor its creator; "deactivatedWorker" was signed in (session cookie or API token) before an admin
// deactivated them. Horizontal access (another worker's job, its notes and history) answers 404, exactly
// like a job that does not exist; vertical access (admin-only actions) answers 403.

export const callers = ['anonymous', 'assignedWorker', 'otherWorker', 'deactivatedWorker', 'admin'] as const;
export type Caller = (typeof callers)[number];
export type Outcome = 'allowed' | 401 | 403 | 404;
export type Row = Record<Caller, Outcome>;

const everyone: Row = {
  anonymous: 401,
  assignedWorker: 'allowed',
  otherWorker: 'allowed',
  deactivatedWorker: 401,
  admin: 'allowed',
};
const adminOnly: Row = {
  anonymous: 401,
  assignedWorker: 403,
  otherWorker: 403,
  deactivatedWorker: 401,
  admin: 'allowed',
};
const assignedOrAdmin: Row = {
  anonymous: 401,
  assignedWorker: 'allowed',
  otherWorker: 404,
  deactivatedWorker: 401,
  admin: 'allowed',
};
const adminOnlyOnAJob: Row = {
  anonymous: 401,
  assignedWorker: 403,
  otherWorker: 403,
  deactivatedWorker: 401,
  admin: 'allowed',
};
const publicEndpoint: Row = {
  anonymous: 'allowed',
  assignedWorker: 'allowed',
  otherWorker: 'allowed',
  deactivatedWorker: 'allowed',
  admin: 'allowed',
};

/** Server actions, keyed `<folder under app/(app)>/<export>`. */
export const actionMatrix: Record<string, Row> = {
  'customers/createCustomerAction': everyone,
  'customers/updateCustomerAction': everyone,
  'customers/archiveCustomerAction': adminOnly,
  'customers/unarchiveCustomerAction': adminOnly,
  'vehicles/createVehicleAction': everyone,
  'vehicles/updateVehicleAction': everyone,
  'vehicles/archiveVehicleAction': adminOnly,
  'vehicles/unarchiveVehicleAction': adminOnly,
  'jobs/createJobAction': everyone,
  'jobs/updateJobAction': assignedOrAdmin,
  'jobs/changeJobStatusAction': assignedOrAdmin,
  'jobs/setJobAssigneesAction': adminOnlyOnAJob,
  'jobs/addJobNoteAction': assignedOrAdmin,
  'jobs/[id]/invoice/issueInvoiceAction': adminOnly,
  'jobs/[id]/estimate/saveEstimateAction': assignedOrAdmin,
  'jobs/[id]/estimate/sendEstimateAction': assignedOrAdmin,
  'jobs/[id]/estimate/reviseEstimateAction': assignedOrAdmin,
  'jobs/[id]/estimate/recordAuthorizationAction': assignedOrAdmin,
  'invoices/[id]/recordPaymentAction': adminOnly,
  'invoices/[id]/voidInvoiceAction': adminOnly,
  'account/changePasswordAction': everyone,
  'settings/saveShopSettingsAction': adminOnly,
  'users/createUserAction': adminOnly,
  'users/editUserAction': adminOnly,
  'users/resetPasswordAction': adminOnly,
  'users/deactivateUserAction': adminOnly,
  'users/reactivateUserAction': adminOnly,
  'users/endUserSessionsAction': adminOnly,
  'parts/savePartAction': adminOnly,
  'parts/adjustStockAction': adminOnly,
  'parts/draftReordersAction': adminOnly,
  'parts/searchPartsAction': everyone,
  'vendors/saveVendorAction': adminOnly,
  'purchase-orders/createPurchaseOrderAction': adminOnly,
  'purchase-orders/updatePurchaseOrderAction': adminOnly,
  'purchase-orders/orderPurchaseOrderAction': adminOnly,
  'purchase-orders/cancelPurchaseOrderAction': adminOnly,
  'purchase-orders/receivePurchaseOrderAction': everyone,
  'jobs/[id]/parts/addJobPartAction': assignedOrAdmin,
  'jobs/[id]/parts/orderJobPartAction': assignedOrAdmin,
  'jobs/[id]/parts/installJobPartAction': assignedOrAdmin,
  'jobs/[id]/parts/returnJobPartAction': assignedOrAdmin,
  'time/startClockAction': assignedOrAdmin,
  'time/stopClockAction': assignedOrAdmin,
  'time/adjustTimeEntryAction': adminOnly,
};

/** REST API v1 operations, keyed `<METHOD> <path>` as in the OpenAPI document. */
export const apiMatrix: Record<string, Row> = {
  // The token endpoint with each caller's own credentials (anonymous: an unknown email).
  'POST /api/v1/auth/token': everyone,
  'GET /api/v1/openapi.json': publicEndpoint,
  'GET /api/v1/me': everyone,
  'GET /api/v1/users': adminOnly,
  'POST /api/v1/users': adminOnly,
  'GET /api/v1/users/{id}': adminOnly,
  'PATCH /api/v1/users/{id}': adminOnly,
  'POST /api/v1/users/{id}/deactivate': adminOnly,
  'POST /api/v1/users/{id}/reactivate': adminOnly,
  'POST /api/v1/users/{id}/reset-password': adminOnly,
  'GET /api/v1/customers': everyone,
  'POST /api/v1/customers': everyone,
  'GET /api/v1/customers/{id}': everyone,
  'PATCH /api/v1/customers/{id}': everyone,
  'POST /api/v1/customers/{id}/archive': adminOnly,
  'POST /api/v1/customers/{id}/unarchive': adminOnly,
  'GET /api/v1/vehicles': everyone,
  'POST /api/v1/vehicles': everyone,
  'GET /api/v1/vehicles/{id}': everyone,
  'PATCH /api/v1/vehicles/{id}': everyone,
  'POST /api/v1/vehicles/{id}/archive': adminOnly,
  'POST /api/v1/vehicles/{id}/unarchive': adminOnly,
  'GET /api/v1/jobs': everyone,
  'POST /api/v1/jobs': everyone,
  'GET /api/v1/jobs/{id}': assignedOrAdmin,
  'PATCH /api/v1/jobs/{id}': assignedOrAdmin,
  'POST /api/v1/jobs/{id}/status': assignedOrAdmin,
  'PUT /api/v1/jobs/{id}/assignees': adminOnlyOnAJob,
  'GET /api/v1/jobs/{id}/history': assignedOrAdmin,
  'GET /api/v1/jobs/{id}/notes': assignedOrAdmin,
  'POST /api/v1/jobs/{id}/notes': assignedOrAdmin,
  'POST /api/v1/jobs/{id}/invoice': adminOnly,
  'GET /api/v1/invoices': adminOnly,
  'GET /api/v1/invoices/{id}': adminOnly,
  'POST /api/v1/invoices/{id}/payments': adminOnly,
  'POST /api/v1/invoices/{id}/void': adminOnly,
  'GET /api/v1/audit': adminOnly,
  'POST /api/v1/jobs/{id}/estimates': assignedOrAdmin,
  'GET /api/v1/jobs/{id}/estimates': assignedOrAdmin,
  'GET /api/v1/estimates/{id}': assignedOrAdmin,
  'PATCH /api/v1/estimates/{id}': assignedOrAdmin,
  'POST /api/v1/estimates/{id}/send': assignedOrAdmin,
  'POST /api/v1/estimates/{id}/revise': assignedOrAdmin,
  'POST /api/v1/estimates/{id}/authorizations': assignedOrAdmin,
  // The approval link: the token is the capability, whoever holds it (no session or bearer token needed).
  'GET /api/public/approvals/{token}': publicEndpoint,
  'POST /api/public/approvals/{token}': publicEndpoint,
  'GET /api/v1/parts': everyone,
  'POST /api/v1/parts': adminOnly,
  'GET /api/v1/parts/{id}': everyone,
  'PATCH /api/v1/parts/{id}': adminOnly,
  'GET /api/v1/parts/{id}/movements': everyone,
  'POST /api/v1/parts/{id}/adjustments': adminOnly,
  'GET /api/v1/vendors': everyone,
  'POST /api/v1/vendors': adminOnly,
  'GET /api/v1/vendors/{id}': everyone,
  'PATCH /api/v1/vendors/{id}': adminOnly,
  'GET /api/v1/purchase-orders': everyone,
  'POST /api/v1/purchase-orders': adminOnly,
  'GET /api/v1/purchase-orders/{id}': everyone,
  'PATCH /api/v1/purchase-orders/{id}': adminOnly,
  'POST /api/v1/purchase-orders/{id}/order': adminOnly,
  'POST /api/v1/purchase-orders/{id}/cancel': adminOnly,
  'POST /api/v1/purchase-orders/{id}/receive': everyone,
  'GET /api/v1/jobs/{id}/parts': assignedOrAdmin,
  'POST /api/v1/jobs/{id}/parts': assignedOrAdmin,
  'POST /api/v1/job-parts/{id}/order': assignedOrAdmin,
  'POST /api/v1/job-parts/{id}/install': assignedOrAdmin,
  'POST /api/v1/job-parts/{id}/return': assignedOrAdmin,
  // Time clocks: on a job one may see (a worker: assigned to it) for oneself; entries are one's own, corrections
  // and the report are the admin's.
  'POST /api/v1/jobs/{id}/clock/start': assignedOrAdmin,
  'POST /api/v1/jobs/{id}/clock/stop': assignedOrAdmin,
  'GET /api/v1/time-entries': everyone,
  'POST /api/v1/time-entries/{id}/adjustments': adminOnly,
  'GET /api/v1/reports/technicians': adminOnly,
};
