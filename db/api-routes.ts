// Every REST API v1 operation, in one list: the OpenAPI document (db/openapi.ts) is built from it, and the
// handler wrapper (db/api.ts) looks each route file's spec up here (auth, body, query, list, status), so the
// document and the handlers cannot drift apart. Adding an endpoint = a spec here + a thin route file.
import 'server-only';
import { z } from 'zod';
import {
  apiAddJobNoteInput,
  apiIssueInvoiceInput,
  apiListJobNotesInput,
  apiRecordPaymentInput,
  apiVoidInvoiceInput,
  auditEventDto,
  customerDetailDto,
  customerDto,
  customerListItemDto,
  invoiceDto,
  invoiceSummaryDto,
  jobDto,
  jobNoteDto,
  jobStatusChangeDto,
  jobSummaryDto,
  savedCustomerDto,
  savedVehicleDto,
  vehicleDetailDto,
  vehicleDto,
  vehicleListItemDto,
} from './api-schemas';
import { listAuditEventsInput } from './audit';
import { createCustomerInput, listCustomersInput, updateCustomerInput } from './customers';
import { listInvoicesInput } from './invoices';
import { changeJobStatusInput, createJobInput, listJobsInput, setJobAssigneesInput, updateJobInput } from './jobs';
import { apiSchema, buildOpenApiDocument, meDto, userDto, type ApiRouteSpec } from './openapi';
import { tokenDto, tokenInput } from './auth/tokens';
import { createUserInput, listUsersInput, passwordSchema, updateUserInput } from './users';
import { createVehicleInput, listVehiclesInput, updateVehicleInput } from './vehicles';

const openApiDocumentDto = apiSchema(
  'OpenApiDocument',
  z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.looseObject({})) }),
);

/** The body of POST /api/v1/users/{id}/reset-password (the same password rule as db/users.ts resetPassword). */
export const resetPasswordInput = z.object({ password: passwordSchema });

export const apiRoutes: readonly ApiRouteSpec[] = [
  // ------------------------------------------------------------------------------------------ meta
  {
    method: 'GET',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI 3.1 document',
    tag: 'Meta',
    auth: false,
    response: openApiDocumentDto,
  },
  // ------------------------------------------------------------------------------------------ auth
  {
    method: 'POST',
    path: '/api/v1/auth/token',
    operationId: 'createToken',
    summary: 'Exchange an email and password for a bearer token',
    description: 'The token is valid for `expires_in` seconds (15 minutes). Wrong credentials answer 401.',
    tag: 'Auth',
    auth: false,
    body: tokenInput,
    response: tokenDto,
    errors: [401],
  },
  {
    method: 'GET',
    path: '/api/v1/me',
    operationId: 'getMe',
    summary: 'The user the token belongs to',
    tag: 'Auth',
    response: meDto,
  },
  // ----------------------------------------------------------------------------------------- users
  {
    method: 'GET',
    path: '/api/v1/users',
    operationId: 'listUsers',
    summary: 'List users (admin)',
    description:
      'Sorted by name. `q` searches name and email; `include_inactive` (default true) includes deactivated users.',
    tag: 'Users',
    query: listUsersInput,
    list: true,
    response: userDto,
    errors: [403],
  },
  {
    method: 'POST',
    path: '/api/v1/users',
    operationId: 'createUser',
    summary: 'Create a user (admin)',
    description: 'The password (8–128 characters) is never returned. A duplicate email answers 409.',
    tag: 'Users',
    body: createUserInput,
    response: userDto,
    status: 201,
    errors: [403, 409],
  },
  {
    method: 'GET',
    path: '/api/v1/users/{id}',
    operationId: 'getUser',
    summary: 'Get a user (admin)',
    tag: 'Users',
    response: userDto,
    errors: [403],
  },
  {
    method: 'PATCH',
    path: '/api/v1/users/{id}',
    operationId: 'updateUser',
    summary: 'Change a user’s name, email or role (admin)',
    description:
      'Only the fields sent are changed. A role change ends that user’s sessions and tokens. You cannot change your own role, and the last active admin cannot be demoted (409).',
    tag: 'Users',
    body: updateUserInput,
    response: userDto,
    errors: [403, 409],
  },
  {
    method: 'POST',
    path: '/api/v1/users/{id}/deactivate',
    operationId: 'deactivateUser',
    summary: 'Deactivate a user (admin)',
    description:
      'The user can no longer sign in, and their sessions and tokens stop working on their next request. You cannot deactivate yourself or the last active admin (409).',
    tag: 'Users',
    response: userDto,
    errors: [403, 409],
  },
  {
    method: 'POST',
    path: '/api/v1/users/{id}/reactivate',
    operationId: 'reactivateUser',
    summary: 'Reactivate a user (admin)',
    tag: 'Users',
    response: userDto,
    errors: [403],
  },
  {
    method: 'POST',
    path: '/api/v1/users/{id}/reset-password',
    operationId: 'resetUserPassword',
    summary: 'Set a new password for a user (admin)',
    description: 'Ends that user’s sessions and tokens: they sign in again with the new password.',
    tag: 'Users',
    body: resetPasswordInput,
    response: userDto,
    errors: [403],
  },
  // ------------------------------------------------------------------------------------- customers
  {
    method: 'GET',
    path: '/api/v1/customers',
    operationId: 'listCustomers',
    summary: 'List and search customers',
    description:
      'Sorted by name. `q` searches name, company, phone (digits), email and the plate or VIN of the customer’s vehicles, anywhere in the text; a `q` without three letters or digits in a row matches the start of words instead (`xu` finds “Wei Xu”). Archived customers only with `include_archived=true`.',
    tag: 'Customers',
    query: listCustomersInput,
    list: true,
    response: customerListItemDto,
  },
  {
    method: 'POST',
    path: '/api/v1/customers',
    operationId: 'createCustomer',
    summary: 'Create a customer',
    description: '`duplicates` lists other customers with the same phone or email: a warning, the customer is saved.',
    tag: 'Customers',
    body: createCustomerInput,
    response: savedCustomerDto,
    status: 201,
  },
  {
    method: 'GET',
    path: '/api/v1/customers/{id}',
    operationId: 'getCustomer',
    summary: 'Get a customer with their vehicles and jobs',
    tag: 'Customers',
    response: customerDetailDto,
  },
  {
    method: 'PATCH',
    path: '/api/v1/customers/{id}',
    operationId: 'updateCustomer',
    summary: 'Change a customer',
    description: 'Only the fields sent change; null or "" clears an optional field.',
    tag: 'Customers',
    body: updateCustomerInput,
    response: savedCustomerDto,
  },
  {
    method: 'POST',
    path: '/api/v1/customers/{id}/archive',
    operationId: 'archiveCustomer',
    summary: 'Archive a customer (admin)',
    description: 'The customer leaves lists and search; their history stays. Nothing is deleted.',
    tag: 'Customers',
    response: customerDto,
    errors: [403],
  },
  {
    method: 'POST',
    path: '/api/v1/customers/{id}/unarchive',
    operationId: 'unarchiveCustomer',
    summary: 'Bring an archived customer back (admin)',
    tag: 'Customers',
    response: customerDto,
    errors: [403],
  },
  // -------------------------------------------------------------------------------------- vehicles
  {
    method: 'GET',
    path: '/api/v1/vehicles',
    operationId: 'listVehicles',
    summary: 'List and search vehicles',
    description:
      'Sorted by make and model. `q` searches plate, VIN, make and model (one or two letters: the start of a word); `customer_id` lists one customer’s vehicles.',
    tag: 'Vehicles',
    query: listVehiclesInput,
    list: true,
    response: vehicleListItemDto,
  },
  {
    method: 'POST',
    path: '/api/v1/vehicles',
    operationId: 'createVehicle',
    summary: 'Register a vehicle for a customer',
    description:
      'A 17-character VIN whose check digit fails answers 422 with the warning under `errors.vin` unless `accept_vin_warning` is true. A VIN already on another active vehicle answers 409.',
    tag: 'Vehicles',
    body: createVehicleInput,
    response: savedVehicleDto,
    status: 201,
    errors: [409],
  },
  {
    method: 'GET',
    path: '/api/v1/vehicles/{id}',
    operationId: 'getVehicle',
    summary: 'Get a vehicle with its owner, service history and odometer readings',
    tag: 'Vehicles',
    response: vehicleDetailDto,
  },
  {
    method: 'PATCH',
    path: '/api/v1/vehicles/{id}',
    operationId: 'updateVehicle',
    summary: 'Change a vehicle',
    description: 'Only the fields sent change. A new VIN is checked like on create (422 warning, 409 duplicate).',
    tag: 'Vehicles',
    body: updateVehicleInput,
    response: savedVehicleDto,
    errors: [409],
  },
  {
    method: 'POST',
    path: '/api/v1/vehicles/{id}/archive',
    operationId: 'archiveVehicle',
    summary: 'Archive a vehicle (admin)',
    description: 'Frees its VIN for another active vehicle. Nothing is deleted.',
    tag: 'Vehicles',
    response: vehicleDto,
    errors: [403],
  },
  {
    method: 'POST',
    path: '/api/v1/vehicles/{id}/unarchive',
    operationId: 'unarchiveVehicle',
    summary: 'Bring an archived vehicle back (admin)',
    description: 'Refused with 409 while another active vehicle has the same VIN.',
    tag: 'Vehicles',
    response: vehicleDto,
    errors: [403, 409],
  },
  // ------------------------------------------------------------------------------------------ jobs
  {
    method: 'GET',
    path: '/api/v1/jobs',
    operationId: 'listJobs',
    summary: 'List the jobs you may see',
    description:
      'Newest job number first. An admin sees every job; a worker the jobs assigned to them and the ones they created. `assignee` is `me` or a user id.',
    tag: 'Jobs',
    query: listJobsInput,
    list: true,
    response: jobSummaryDto,
  },
  {
    method: 'POST',
    path: '/api/v1/jobs',
    operationId: 'createJob',
    summary: 'Open a job card for a vehicle',
    description:
      'Answers the job with its `number` (J-000123) and status `created`. An `odometer_in` below the vehicle’s last reading needs `confirm_lower_odometer: true` (422 otherwise).',
    tag: 'Jobs',
    body: createJobInput,
    response: jobDto,
    status: 201,
  },
  {
    method: 'GET',
    path: '/api/v1/jobs/{id}',
    operationId: 'getJob',
    summary: 'Get a job',
    description: 'A job you may not see answers 404, exactly like one that does not exist.',
    tag: 'Jobs',
    response: jobDto,
  },
  {
    method: 'PATCH',
    path: '/api/v1/jobs/{id}',
    operationId: 'updateJob',
    summary: 'Change a job’s details',
    description:
      'Send the `version` you read: if the job changed since, nothing is written and the answer is 409. Admins edit any job; the creator and assigned workers edit open ones.',
    tag: 'Jobs',
    body: updateJobInput,
    response: jobDto,
    errors: [403, 409],
  },
  {
    method: 'POST',
    path: '/api/v1/jobs/{id}/status',
    operationId: 'changeJobStatus',
    summary: 'Move a job to another status',
    description:
      'created → in_progress | cancelled; in_progress → waiting_for_parts | completed | cancelled; waiting_for_parts → in_progress | cancelled; completed → in_progress (admin reopen, not while invoiced). Any other change answers 409. Cancelling needs a `reason`. By an admin or an assigned worker (403 otherwise).',
    tag: 'Jobs',
    body: changeJobStatusInput,
    response: jobDto,
    errors: [403, 409],
  },
  {
    method: 'PUT',
    path: '/api/v1/jobs/{id}/assignees',
    operationId: 'setJobAssignees',
    summary: 'Set who works on a job (admin)',
    description: 'The full list of assigned workers: workers left out are unassigned. Answers the job.',
    tag: 'Jobs',
    body: setJobAssigneesInput,
    response: jobDto,
    errors: [403],
  },
  {
    method: 'GET',
    path: '/api/v1/jobs/{id}/history',
    operationId: 'getJobHistory',
    summary: 'A job’s status changes, oldest first',
    description:
      'Who changed the status, when, from, to and why. The whole history in one page (`next_cursor` is null).',
    tag: 'Jobs',
    list: true,
    response: jobStatusChangeDto,
  },
  {
    method: 'GET',
    path: '/api/v1/jobs/{id}/notes',
    operationId: 'listJobNotes',
    summary: 'A job’s notes, oldest first',
    tag: 'Jobs',
    query: apiListJobNotesInput,
    list: true,
    response: jobNoteDto,
  },
  {
    method: 'POST',
    path: '/api/v1/jobs/{id}/notes',
    operationId: 'addJobNote',
    summary: 'Add a note to a job',
    description: 'By an admin or a worker assigned to the job (403 otherwise). Notes are never edited or deleted.',
    tag: 'Jobs',
    body: apiAddJobNoteInput,
    response: jobNoteDto,
    status: 201,
    errors: [403],
  },
  {
    method: 'POST',
    path: '/api/v1/jobs/{id}/invoice',
    operationId: 'issueInvoice',
    summary: 'Issue the invoice of a completed job (admin)',
    description:
      'Prices each line with the shop’s tax rate for its kind and takes the next number of the year (INV-YYYY-NNNN). A job that is not completed, or already has a live invoice, answers 409.',
    tag: 'Invoices',
    body: apiIssueInvoiceInput,
    response: invoiceDto,
    status: 201,
    errors: [403, 409],
  },
  // -------------------------------------------------------------------------------------- invoices
  {
    method: 'GET',
    path: '/api/v1/invoices',
    operationId: 'listInvoices',
    summary: 'List invoices (admin)',
    description:
      'Newest first; filter by `payment_status` (unpaid, partially_paid, paid, void) or `balance` (open, settled).',
    tag: 'Invoices',
    query: listInvoicesInput,
    list: true,
    response: invoiceSummaryDto,
    errors: [403],
  },
  {
    method: 'GET',
    path: '/api/v1/invoices/{id}',
    operationId: 'getInvoice',
    summary: 'Get an invoice with its lines and payments (admin)',
    tag: 'Invoices',
    response: invoiceDto,
    errors: [403],
  },
  {
    method: 'POST',
    path: '/api/v1/invoices/{id}/payments',
    operationId: 'recordPayment',
    summary: 'Record a payment on an invoice (admin)',
    description:
      'Answers the invoice with its new `paid_cents`, `balance_cents` and `payment_status`. More than the open balance, or a payment on a void invoice, answers 409.',
    tag: 'Invoices',
    body: apiRecordPaymentInput,
    response: invoiceDto,
    status: 201,
    errors: [403, 409],
  },
  {
    method: 'POST',
    path: '/api/v1/invoices/{id}/void',
    operationId: 'voidInvoice',
    summary: 'Void an invoice (admin)',
    description: 'A reason is required. The job can then be invoiced again. An invoice already void answers 409.',
    tag: 'Invoices',
    body: apiVoidInvoiceInput,
    response: invoiceDto,
    errors: [403, 409],
  },
  // ----------------------------------------------------------------------------------------- audit
  {
    method: 'GET',
    path: '/api/v1/audit',
    operationId: 'listAuditEvents',
    summary: 'The audit trail (admin)',
    description:
      'Every insert and update, newest first, with who, from where (ui, api, system) and the row before and after.',
    tag: 'Audit',
    query: listAuditEventsInput,
    list: true,
    response: auditEventDto,
    errors: [403],
  },
];

/** The spec of one operation, if the registry has it. */
export function findApiRoute(path: string, method: string): ApiRouteSpec | undefined {
  return apiRoutes.find((route) => route.path === path && route.method === method);
}

let cachedDocument: Record<string, unknown> | undefined;

/** The OpenAPI document of every route above (built once per process). */
export function openApiDocument(): Record<string, unknown> {
  cachedDocument ??= buildOpenApiDocument(apiRoutes);
  return cachedDocument;
}
