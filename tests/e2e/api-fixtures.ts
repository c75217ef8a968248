// Workshop data made through REST API v1 itself, for the resource API specs: each helper makes fresh, unique
// records with the given token and checks the answer (every call is contract-checked by api-support's call()).
import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { withCheckDigit } from '../../db/vin';
import { call, send, tokenFor } from './api-support';
import { demo } from './support';

export type CustomerBody = {
  id: string;
  name: string;
  kind: string;
  archived_at: string | null;
  duplicates: unknown[];
};
export type VehicleBody = {
  id: string;
  customer_id: string;
  vin: string | null;
  plate: string | null;
  vin_warning: string | null;
};
export type JobBody = {
  id: string;
  number: string;
  status: string;
  version: number;
  created_by: string;
  assignees: { id: string; name: string }[];
  permissions: { next_statuses: string[] };
};
export type InvoiceBody = {
  id: string;
  number: string;
  status: string;
  payment_status: string;
  subtotal_cents: number;
  tax_cents: number;
  total_cents: number;
  paid_cents: number;
  balance_cents: number;
  void_reason: string | null;
  job: { id: string; number: string };
  lines: { kind: string; quantity: string; unit_price_cents: number; line_total_cents: number; tax_cents: number }[];
  payments: { amount_cents: number; method: string }[];
};
export type Page<T> = { data: T[]; next_cursor: string | null };

export function tag(): string {
  return randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** A random 17-character VIN with a correct check digit. */
export function randomVin(): string {
  const characters = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  return withCheckDigit(
    Array.from({ length: 17 }, () => characters[Math.floor(Math.random() * characters.length)]).join(''),
  );
}

/** The same VIN with a wrong check digit (position 9). */
export function withWrongCheckDigit(vin: string): string {
  return vin.slice(0, 8) + (vin[8] === '1' ? '2' : '1') + vin.slice(9);
}

/** Tokens for the three demo people, and their user ids. */
export async function demoTokens(request: APIRequestContext) {
  const [admin, worker, mechanic2] = await Promise.all([
    tokenFor(request, demo.admin),
    tokenFor(request, demo.worker),
    tokenFor(request, demo.mechanic2),
  ]);
  const idOf = async (token: string) =>
    ((await call(request, 'GET', '/api/v1/me', { token })).body as { id: string }).id;
  return {
    admin,
    worker,
    mechanic2,
    ids: { admin: await idOf(admin), worker: await idOf(worker), mechanic2: await idOf(mechanic2) },
  };
}

export async function createCustomer(
  request: APIRequestContext,
  token: string,
  fields: Record<string, unknown> = {},
): Promise<CustomerBody> {
  const answer = await send(request, 'POST', '/api/v1/customers', token, {
    kind: 'individual',
    name: `Pat Customer ${tag()}`,
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as CustomerBody;
}

export async function createVehicle(
  request: APIRequestContext,
  token: string,
  customerId: string,
  fields: Record<string, unknown> = {},
): Promise<VehicleBody> {
  const answer = await send(request, 'POST', '/api/v1/vehicles', token, {
    customer_id: customerId,
    vin: randomVin(),
    plate: `T ${tag()}`,
    make: 'Skoda',
    model: 'Octavia',
    year: 2019,
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as VehicleBody;
}

/** A customer, their vehicle and a new job on it, all made with `token`. */
export async function createJob(request: APIRequestContext, token: string, fields: Record<string, unknown> = {}) {
  const customer = await createCustomer(request, token);
  const vehicle = await createVehicle(request, token, customer.id);
  const answer = await send(request, 'POST', '/api/v1/jobs', token, {
    vehicle_id: vehicle.id,
    title: `Brakes squeal ${tag()}`,
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { customer, vehicle, job: answer.body as JobBody };
}

export async function changeStatus(
  request: APIRequestContext,
  token: string,
  jobId: string,
  status: string,
  reason?: string,
): Promise<JobBody> {
  const answer = await send(request, 'POST', `/api/v1/jobs/${jobId}/status`, token, {
    status,
    ...(reason ? { reason } : {}),
  });
  expect(answer.status, `${status}: ${JSON.stringify(answer.body)}`).toBe(200);
  expect((answer.body as JobBody).status).toBe(status);
  return answer.body as JobBody;
}

/** A job the admin opened and completed, ready to invoice. */
export async function completedJob(request: APIRequestContext, adminToken: string) {
  const made = await createJob(request, adminToken);
  await changeStatus(request, adminToken, made.job.id, 'in_progress');
  const job = await changeStatus(request, adminToken, made.job.id, 'completed');
  return { ...made, job };
}

export const standardLines = [
  { kind: 'labor', description: 'Replace front brake pads', quantity: 1.5, unit_price_cents: 9000 },
  { kind: 'part', description: 'Brake pad set', quantity: '2', unit_price_cents: 2550 },
];

export async function issueInvoice(
  request: APIRequestContext,
  adminToken: string,
  jobId: string,
  lines: unknown[] = standardLines,
): Promise<InvoiceBody> {
  const answer = await call(request, 'POST', `/api/v1/jobs/${jobId}/invoice`, { token: adminToken, json: { lines } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as InvoiceBody;
}
