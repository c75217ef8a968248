// Data that must not move: an issued invoice is a document (its bill-to, vehicle and job are copied at issue and
// frozen), its paid total moves only with payments, and archived customers and vehicles stay as they are.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/db/core/actor';
import type { Database } from '@/db/client';
import { postgresError } from '@/db/core/errors';
import { openSession } from '@/db/auth/sessions';
import { archiveCustomer, updateCustomer } from '@/db/customers';
import { archiveVehicle, updateVehicle } from '@/db/vehicles';
import { changeJobStatus, createJob, getJob, updateJob } from '@/db/jobs';
import { getInvoice, issueInvoice, recordPayment } from '@/db/invoices';
import { customers, invoices, jobs, payments, vehicles } from '@/db/schema';
import { callRoute, tokenFor, type RouteModule } from './api-support';
import { createCustomerWithVehicle, createUser, dbAndAdmin, formData, refusal } from './support';

process.env.AUTH_SECRET ??= 'integration-secret-0123456789abcdef0123456789';

const session = vi.hoisted(() => ({ current: null as null | Record<string, unknown> }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => session.current,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let admin: Actor;
let worker: Actor;

beforeAll(async () => {
  ({ db, admin } = await dbAndAdmin());
  worker = await createUser('worker');
});

async function sqlRefusal(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    return postgresError(error);
  }
  return 'allowed';
}

/** A job worked through to completed and invoiced: the customer has a full bill-to, the vehicle a plate and VIN. */
async function invoicedJob() {
  const { customer, vehicle } = await createCustomerWithVehicle(admin);
  await db
    .update(customers)
    .set({ company: 'Rossi Haulage', address: '1 Harbour Road', phone: '+1 555 0100', email: 'ana@rossi.example' })
    .where(eq(customers.id, customer.id));
  await db.update(vehicles).set({ plate: 'ABC123', vin: null }).where(eq(vehicles.id, vehicle.id));
  const job = await createJob(admin, { vehicleId: vehicle.id, title: 'Front brakes', odometerIn: 61_000 });
  await changeJobStatus(admin, job.id, { status: 'in_progress' });
  await changeJobStatus(admin, job.id, { status: 'completed' });
  const invoice = await issueInvoice(admin, job.id, {
    lines: [{ kind: 'part', description: 'Brake pads', quantity: '1', unitPriceCents: 10_000 }],
  });
  return { customer, vehicle, job, invoice };
}

function asSession(person: Actor, sessionId: string) {
  session.current = {
    userId: person.id,
    role: person.role,
    sessionId,
    authenticatedAt: Math.floor(Date.now() / 1000),
    expires: new Date(Date.now() + 3_600_000).toISOString(),
  };
}

describe('an issued invoice is a document', () => {
  it('copies the bill-to, the vehicle and the job at issue', async () => {
    const { customer, vehicle, job, invoice } = await invoicedJob();
    expect(invoice.customer).toEqual({
      id: customer.id,
      name: customer.name,
      company: 'Rossi Haulage',
      address: '1 Harbour Road',
      phone: '+1 555 0100',
      email: 'ana@rossi.example',
    });
    expect(invoice.billTo).toEqual({
      name: customer.name,
      company: 'Rossi Haulage',
      address: '1 Harbour Road',
      phone: '+1 555 0100',
      email: 'ana@rossi.example',
    });
    expect(invoice.vehicle).toMatchObject({ id: vehicle.id, make: 'Toyota', model: 'Corolla', year: 2018 });
    expect(invoice.vehicle).toMatchObject({ plate: 'ABC123', odometer: 61_000 });
    expect(invoice.job).toEqual({ id: job.id, number: job.number, title: 'Front brakes' });
  });

  it('still names the old bill-to after the customer is renamed', async () => {
    const { customer, invoice } = await invoicedJob();
    await updateCustomer(admin, customer.id, { name: 'Someone Else', address: '9 New Street', email: '' });
    const after = await getInvoice(admin, invoice.id);
    expect(after.customer).toEqual(invoice.customer);
    expect(after.billTo).toEqual(invoice.billTo);
  });

  it('still bills the old owner after the car is sold to a new one', async () => {
    const { customer, vehicle, invoice } = await invoicedJob();
    const { customer: buyer } = await createCustomerWithVehicle(admin);
    await updateVehicle(admin, vehicle.id, { customerId: buyer.id, plate: 'NEW999', odometer: 70_000 });
    const after = await getInvoice(admin, invoice.id);
    expect(after.customer.id).toBe(customer.id);
    expect(after.customer.name).toBe(customer.name);
    expect(after.vehicle).toEqual(invoice.vehicle);
  });

  it('keeps the job number and title when the job is edited later', async () => {
    const { job, invoice } = await invoicedJob();
    const current = await getJob(admin, job.id);
    await updateJob(admin, job.id, { version: current.version, title: 'Something else entirely' });
    expect((await getInvoice(admin, invoice.id)).job).toEqual(invoice.job);
  });

  it('shows the copy through the API', async () => {
    const { customer, invoice } = await invoicedJob();
    await updateCustomer(admin, customer.id, { name: 'Renamed Later' });
    const route = await import('@/app/api/v1/invoices/[id]/route');
    const answer = await callRoute(route, 'GET', `/api/v1/invoices/${invoice.id}`, {
      token: await tokenFor(admin),
      params: { id: invoice.id },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      customer: { id: customer.id, name: customer.name, company: 'Rossi Haulage' },
      bill_to: { name: customer.name, address: '1 Harbour Road', phone: '+1 555 0100', email: 'ana@rossi.example' },
      vehicle: { plate: 'ABC123', odometer: 61_000 },
      job: { number: invoice.job.number, title: 'Front brakes' },
    });
  });

  it('refuses a direct change of the copy in the database', async () => {
    const { invoice } = await invoicedJob();
    for (const change of [
      { billToName: 'Forged' },
      { billToAddress: 'Elsewhere' },
      { vehiclePlate: 'FAKE1' },
      { vehicleOdometer: 1 },
      { jobTitle: 'Other work' },
      { jobNumber: 1 },
    ]) {
      expect(await sqlRefusal(() => db.update(invoices).set(change).where(eq(invoices.id, invoice.id)))).toMatchObject({
        constraint: 'invoices_immutable',
      });
    }
    expect((await getInvoice(admin, invoice.id)).billTo).toEqual(invoice.billTo);
  });
});

describe('the paid total moves only with payments', () => {
  it('refuses a direct change of paid_cents, up or down', async () => {
    const { invoice } = await invoicedJob();
    await recordPayment(admin, invoice.id, { amountCents: 3_000, method: 'cash' });
    for (const paid of [invoice.totalCents, 0, 2_999]) {
      expect(
        await sqlRefusal(() => db.update(invoices).set({ paidCents: paid }).where(eq(invoices.id, invoice.id))),
      ).toMatchObject({ constraint: 'invoices_paid_from_payments' });
    }
    expect((await getInvoice(admin, invoice.id)).paidCents).toBe(3_000);
  });

  it('refuses an invoice written as already paid', async () => {
    const { invoice } = await invoicedJob();
    const [row] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    const { id: _id, ...copy } = row!;
    const refused = await sqlRefusal(() =>
      db.transaction(async (tx) => {
        await tx
          .update(invoices)
          .set({ status: 'void', voidedAt: new Date(), voidedBy: admin.id, voidReason: 'x' })
          .where(eq(invoices.id, invoice.id));
        await tx
          .insert(invoices)
          .values({ ...copy, number: `${copy.number}-B`, sequence: copy.sequence + 100_000, paidCents: 500 });
      }),
    );
    expect(refused).toMatchObject({ constraint: 'invoices_paid_from_payments' });
  });

  it('adds up several payments written in one statement, and parallel payments', async () => {
    const { invoice } = await invoicedJob();
    await db.insert(payments).values([
      { invoiceId: invoice.id, amountCents: 1_000, method: 'cash', recordedBy: admin.id },
      { invoiceId: invoice.id, amountCents: 2_000, method: 'card', recordedBy: admin.id },
    ]);
    await Promise.all(
      Array.from({ length: 10 }, () => recordPayment(admin, invoice.id, { amountCents: 100, method: 'cash' })),
    );
    const [sum] = await db
      .select({ paid: sql<number>`coalesce(sum(${payments.amountCents}), 0)::int` })
      .from(payments)
      .where(eq(payments.invoiceId, invoice.id));
    expect(sum!.paid).toBe(4_000);
    expect((await getInvoice(admin, invoice.id)).paidCents).toBe(4_000);
  });
});

describe('archived customers and vehicles stay as they are', () => {
  it('a worker cannot edit an archived customer; an admin can', async () => {
    const { customer } = await createCustomerWithVehicle(worker);
    await archiveCustomer(admin, customer.id);
    const refused = await refusal(() => updateCustomer(worker, customer.id, { name: 'Changed by a worker' }));
    expect(refused).toMatchObject({ kind: 'conflict', message: expect.stringContaining('archived') });
    const [row] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row!.name).toBe(customer.name);
    expect(await refusal(() => updateCustomer(admin, customer.id, { name: 'Changed by an admin' }))).toBe('allowed');
  });

  it('a worker cannot edit an archived vehicle, or a vehicle of an archived customer', async () => {
    const first = await createCustomerWithVehicle(worker);
    await archiveVehicle(admin, first.vehicle.id);
    expect(await refusal(() => updateVehicle(worker, first.vehicle.id, { plate: 'WRK1' }))).toMatchObject({
      kind: 'conflict',
    });
    const second = await createCustomerWithVehicle(worker);
    await archiveCustomer(admin, second.customer.id);
    expect(await refusal(() => updateVehicle(worker, second.vehicle.id, { plate: 'WRK2' }))).toMatchObject({
      kind: 'conflict',
    });
    const rows = await db.select({ plate: vehicles.plate }).from(vehicles).where(eq(vehicles.id, first.vehicle.id));
    expect(rows[0]!.plate).toBeNull();
    expect(await refusal(() => updateVehicle(admin, first.vehicle.id, { plate: 'ADM1' }))).toBe('allowed');
  });

  it('no one opens a job for an archived vehicle or a vehicle of an archived customer', async () => {
    const first = await createCustomerWithVehicle(admin);
    await archiveVehicle(admin, first.vehicle.id);
    const second = await createCustomerWithVehicle(admin);
    await archiveCustomer(admin, second.customer.id);
    for (const actor of [admin, worker]) {
      for (const vehicleId of [first.vehicle.id, second.vehicle.id]) {
        const refused = await refusal(() => createJob(actor, { vehicleId, title: 'Oil change' }));
        expect(refused).toMatchObject({ kind: 'invalid', fieldErrors: { vehicleId: [expect.any(String)] } });
      }
    }
    const opened = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(sql`${jobs.vehicleId} in (${first.vehicle.id}, ${second.vehicle.id})`);
    expect(opened[0]!.n).toBe(0);
  });

  it('a job racing the archive of its customer is either opened first or refused', async () => {
    const { customer, vehicle } = await createCustomerWithVehicle(admin);
    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, () => createJob(worker, { vehicleId: vehicle.id, title: 'Tyres' })),
      archiveCustomer(admin, customer.id),
    ]);
    const [archived] = await db
      .select({ at: customers.archivedAt })
      .from(customers)
      .where(eq(customers.id, customer.id));
    const jobsOpened = await db.select({ createdAt: jobs.createdAt }).from(jobs).where(eq(jobs.vehicleId, vehicle.id));
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ kind: 'invalid' });
    }
    // Every job that got in committed before the archive did.
    for (const job of jobsOpened) expect(job.createdAt.getTime()).toBeLessThanOrEqual(archived!.at!.getTime());
  });

  it('the API answers 409 to a worker editing an archived customer and 422 on vehicle_id for a job', async () => {
    const { customer, vehicle } = await createCustomerWithVehicle(worker);
    await archiveCustomer(admin, customer.id);
    const token = await tokenFor(worker);
    const customerRoute = await import('@/app/api/v1/customers/[id]/route');
    const patch = (route: RouteModule, path: string, id: string, json: object) =>
      callRoute(route, 'PATCH', `${path}/${id}`, { token, params: { id }, json });
    const edit = await patch(customerRoute, '/api/v1/customers', customer.id, { name: 'Changed' });
    expect(edit.status).toBe(409);
    const vehicleRoute = await import('@/app/api/v1/vehicles/[id]/route');
    const vehicleEdit = await patch(vehicleRoute, '/api/v1/vehicles', vehicle.id, { plate: 'X1' });
    expect(vehicleEdit.status).toBe(409);
    const jobsRoute = await import('@/app/api/v1/jobs/route');
    const job = await callRoute(jobsRoute, 'POST', '/api/v1/jobs', {
      token,
      json: { vehicle_id: vehicle.id, title: 'Brakes' },
    });
    expect(job.status).toBe(422);
    expect(job.body).toMatchObject({ errors: { vehicle_id: [expect.any(String)] } });
  });

  it('the screens refuse the same, with the reason on the form', async () => {
    const { customer, vehicle } = await createCustomerWithVehicle(worker);
    await archiveCustomer(admin, customer.id);
    const { updateCustomerAction } = await import('@/app/(app)/customers/actions');
    const { createJobAction } = await import('@/app/(app)/jobs/actions');
    asSession(worker, await openSession({ userId: worker.id, sessionVersion: 1 }));
    try {
      const edit = await updateCustomerAction(
        customer.id,
        { ok: false, message: '' } as never,
        formData({ name: 'X' }),
      );
      expect(edit).toMatchObject({ ok: false, message: expect.stringContaining('archived') });
      const job = await createJobAction(
        { ok: false, message: '' } as never,
        formData({ vehicleId: vehicle.id, title: 'Brakes' }),
      );
      expect(job).toMatchObject({ ok: false, fieldErrors: { vehicleId: [expect.stringContaining('archived')] } });
    } finally {
      session.current = null;
    }
    const [row] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row!.name).toBe(customer.name);
  });
});
