import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { Actor } from '@/db/core/actor';
import { getDb } from '@/db/client';

import {
  archiveCustomer,
  createCustomer,
  getCustomer,
  listCustomers,
  unarchiveCustomer,
  updateCustomer,
} from '@/db/customers';

import { DomainError } from '@/db/core/errors';

import { jobAssignments, jobs, vehicles } from '@/db/schema';

import { allIds, createUser, randomVin, refusal } from './support';

/** A token no other test (or other test file sharing the database) uses. */
function token(): string {
  return randomUUID().replace(/-/g, '').slice(0, 10);
}

function uniquePhoneDigits(): string {
  return String(Math.floor(Math.random() * 9_000_000_000) + 1_000_000_000);
}

async function addVehicle(customerId: string, values: Partial<typeof vehicles.$inferInsert> = {}) {
  const db = await getDb();
  const [vehicle] = await db
    .insert(vehicles)
    .values({ customerId, make: 'Ford', model: 'Focus', ...values })
    .returning();
  return vehicle!;
}

async function namesFound(actor: Actor, q: string, includeArchived = false): Promise<string[]> {
  const { data } = await listCustomers(actor, { q, includeArchived });
  return data.map((customer) => customer.name);
}

describe('customer search (one box)', () => {
  it('finds a customer by name, phone fragment, email, plate and VIN', async () => {
    const worker = await createUser('worker');
    const tag = token();
    const digits = uniquePhoneDigits();
    const phone = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
    const name = `Dana Whitfield ${tag}`;
    const customer = await createCustomer(worker, { name, phone, email: `dana.${tag}@Example.net` });
    const vin = randomVin();
    const plate = `P${tag.slice(0, 6).toUpperCase()}`;
    await addVehicle(customer.id, { vin, plate: `${plate.slice(0, 3)}-${plate.slice(3)}` });

    expect(await namesFound(worker, `whitfield ${tag}`)).toEqual([name]);
    expect(await namesFound(worker, digits.slice(2, 8))).toEqual([name]); // digits across the punctuation
    expect(await namesFound(worker, `${digits.slice(3, 6)}-${digits.slice(6)}`)).toEqual([name]);
    expect(await namesFound(worker, `DANA.${tag}@example`)).toEqual([name]);
    expect(await namesFound(worker, plate.toLowerCase())).toEqual([name]); // "abc123" finds "ABC-123"
    expect(await namesFound(worker, `${plate.slice(0, 3)}-${plate.slice(3)}`)).toEqual([name]);
    expect(await namesFound(worker, vin.slice(3, 14).toLowerCase())).toEqual([name]);
    expect(await namesFound(worker, `nobody-${tag}`)).toEqual([]);
  });

  it('finds the start of a word with one or two letters (name, company, email, plate, VIN), not the middle of one', async () => {
    const worker = await createUser('worker');
    const tag = token();
    // Greek words: no other customer's words start with these letters (every match is paged through anyway).
    const customer = await createCustomer(worker, {
      name: `Wei Ξυ${tag}`,
      company: `Ψω${tag} Logistics`,
      email: `qz${tag}@example.net`,
    });
    const vin = randomVin();
    await addVehicle(customer.id, { plate: `7Ж-${tag.slice(0, 4).toUpperCase()}`, vin });
    const found = async (q: string) =>
      (await allIds((cursor) => listCustomers(worker, { q, limit: 100, cursor }))).includes(customer.id);
    for (const q of ['ξυ', 'ΞΥ', 'Ξ', 'ψω', 'we ξυ', 'ξυ ψ', 'qz', '7ж', vin.slice(0, 2).toLowerCase()]) {
      expect(await found(q), q).toBe(true);
    }
    for (const q of ['υ', 'ω', 'ei ξυ', 'ξυ ж']) {
      expect(await found(q), q).toBe(false);
    }
    // three letters or more find the text anywhere again
    expect(await found(`υ${tag.slice(0, 2)}`)).toBe(true);
    // nothing typed is query syntax: odd characters search, they never fail
    for (const q of ["':*", '&!|', '½', 'a ½', '\\', '(', '--']) {
      await expect(listCustomers(worker, { q }), q).resolves.toBeDefined();
    }
  });

  it('treats % and _ in the search box as plain characters', async () => {
    const admin = await createUser('admin');
    const tag = token();
    await createCustomer(admin, { name: `Percent ${tag}` });
    expect(await namesFound(admin, `%${tag}`)).toEqual([]);
    expect(await namesFound(admin, `Percent_${tag}`)).toEqual([]);
  });

  it('pages through results by name with a cursor, never repeating a customer', async () => {
    const admin = await createUser('admin');
    const tag = token();
    for (const first of ['Carla', 'alma', 'Bert', 'Bert']) {
      await createCustomer(admin, { name: `${first} ${tag}` });
    }
    const first = await listCustomers(admin, { q: tag, limit: 3 });
    expect(first.data.map((customer) => customer.name)).toEqual([`alma ${tag}`, `Bert ${tag}`, `Bert ${tag}`]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listCustomers(admin, { q: tag, limit: 3, cursor: first.nextCursor! });
    expect(second.data.map((customer) => customer.name)).toEqual([`Carla ${tag}`]);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.data, ...second.data].map((customer) => customer.id);
    expect(new Set(ids).size).toBe(4);
    expect(((await refusal(() => listCustomers(admin, { cursor: 'not-a-cursor' }))) as DomainError).kind).toBe(
      'invalid',
    );
  });

  it('lists each customer with their active vehicles', async () => {
    const admin = await createUser('admin');
    const tag = token();
    const customer = await createCustomer(admin, { name: `Fleet ${tag}`, kind: 'business' });
    await addVehicle(customer.id, { plate: 'ACTIVE 1' });
    await addVehicle(customer.id, { plate: 'GONE 1', archivedAt: new Date() });
    const { data } = await listCustomers(admin, { q: tag });
    expect(data[0]!.vehicles.map((vehicle) => vehicle.plate)).toEqual(['ACTIVE 1']);
  });
});

describe('archiving customers', () => {
  it('an archived customer drops out of the list and search unless "show archived" is asked for', async () => {
    const admin = await createUser('admin');
    const tag = token();
    const customer = await createCustomer(admin, { name: `Archie ${tag}` });
    await addVehicle(customer.id, { plate: `ARC${tag.slice(0, 5)}` });
    expect(await namesFound(admin, tag)).toEqual([`Archie ${tag}`]);

    const archived = await archiveCustomer(admin, customer.id);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(await namesFound(admin, tag)).toEqual([]);
    expect(await namesFound(admin, `ARC${tag.slice(0, 5)}`)).toEqual([]);
    expect(await namesFound(admin, tag, true)).toEqual([`Archie ${tag}`]);
    expect(await namesFound(admin, `ARC${tag.slice(0, 5)}`, true)).toEqual([`Archie ${tag}`]);
    // "show archived" arrives from forms and the API as text
    expect((await listCustomers(admin, { q: tag, includeArchived: true })).data).toHaveLength(1);
    const all = await listCustomers(admin, { includeArchived: false, limit: 100 });
    expect(all.data.every((row) => row.archivedAt === null)).toBe(true);

    await unarchiveCustomer(admin, customer.id);
    expect(await namesFound(admin, tag)).toEqual([`Archie ${tag}`]);
  });

  it('a worker can create and edit customers but cannot archive or unarchive them', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    const tag = token();
    const customer = await createCustomer(worker, { name: `Walk-in ${tag}`, kind: 'individual' });
    const updated = await updateCustomer(worker, customer.id, { notes: 'Brings the car on Mondays.' });
    expect(updated.notes).toBe('Brings the car on Mondays.');

    const refused = await refusal(() => archiveCustomer(worker, customer.id));
    expect(refused !== 'allowed' && refused.kind).toBe('forbidden');
    expect((await getCustomer(worker, customer.id)).archivedAt).toBeNull();

    await archiveCustomer(admin, customer.id);
    const refusedAgain = await refusal(() => unarchiveCustomer(worker, customer.id));
    expect(refusedAgain !== 'allowed' && refusedAgain.kind).toBe('forbidden');
    expect(await refusal(() => archiveCustomer(null, customer.id))).toMatchObject({ kind: 'unauthorized' });
  });
});

describe('saving customers', () => {
  it('keeps every field of a business customer and validates on the server', async () => {
    const worker = await createUser('worker');
    const tag = token();
    const saved = await createCustomer(worker, {
      kind: 'business',
      name: `  Springfield Cabs ${tag} `,
      company: 'Springfield Cabs LLC',
      phone: '555 010 2030',
      email: `desk.${tag}@cabs.example`,
      address: '12 Main St',
      notes: 'Fleet account',
    });
    expect(saved).toMatchObject({
      kind: 'business',
      name: `Springfield Cabs ${tag}`,
      company: 'Springfield Cabs LLC',
      address: '12 Main St',
      notes: 'Fleet account',
      archivedAt: null,
    });

    const missingName = await refusal(() => createCustomer(worker, { name: '   ', email: 'not-an-email' }));
    expect(missingName).toMatchObject({ kind: 'invalid' });
    expect(missingName !== 'allowed' && Object.keys(missingName.fieldErrors).sort()).toEqual(['email', 'name']);
    expect(await refusal(() => createCustomer(worker, { name: 'X', kind: 'alien' }))).toMatchObject({
      kind: 'invalid',
    });
    expect(await refusal(() => createCustomer(null, { name: 'X' }))).toMatchObject({ kind: 'unauthorized' });
  });

  it('an edit changes only the fields sent, and a blank field clears it', async () => {
    const worker = await createUser('worker');
    const tag = token();
    const customer = await createCustomer(worker, { name: `Edit ${tag}`, company: 'Old Co', phone: '555 999 1111' });
    const updated = await updateCustomer(worker, customer.id, { company: '', name: `Edited ${tag}` });
    expect(updated).toMatchObject({ name: `Edited ${tag}`, company: null, phone: '555 999 1111' });
    expect(await refusal(() => updateCustomer(worker, customer.id, { name: '' }))).toMatchObject({ kind: 'invalid' });
    expect(await refusal(() => updateCustomer(worker, randomUUID(), { name: 'Ghost' }))).toMatchObject({
      kind: 'not_found',
    });
  });

  it('warns (without refusing) when the phone or email already belongs to another customer', async () => {
    const worker = await createUser('worker');
    const tag = token();
    const digits = uniquePhoneDigits();
    const first = await createCustomer(worker, {
      name: `First ${tag}`,
      phone: `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`,
      email: `shared.${tag}@example.net`,
    });
    expect(first.duplicates).toEqual([]);

    const samePhone = await createCustomer(worker, {
      name: `Second ${tag}`,
      phone: `(${digits.slice(0, 3)}) ${digits.slice(3)}`,
    });
    expect(samePhone.id).not.toBe(first.id);
    expect(samePhone.duplicates).toEqual([{ id: first.id, name: `First ${tag}`, archived: false, matches: ['phone'] }]);

    const sameEmail = await createCustomer(worker, { name: `Third ${tag}`, email: `SHARED.${tag}@Example.NET` });
    expect(sameEmail.duplicates).toEqual([{ id: first.id, name: `First ${tag}`, archived: false, matches: ['email'] }]);

    const detail = await getCustomer(worker, first.id);
    expect(detail.duplicates.map((duplicate) => duplicate.name).sort()).toEqual([`Second ${tag}`, `Third ${tag}`]);

    const edited = await updateCustomer(worker, sameEmail.id, { email: `own.${tag}@example.net` });
    expect(edited.duplicates).toEqual([]);
  });
});

describe('the customer page', () => {
  it('shows their vehicles and a job history that hides jobs a worker cannot see', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    const db = await getDb();
    const customer = await createCustomer(admin, { name: `History ${token()}` });
    const car = await addVehicle(customer.id, { plate: 'HIST 1', vin: randomVin() });
    const van = await addVehicle(customer.id, { plate: 'HIST 2', make: 'Ford', model: 'Transit' });
    const day = (n: number) => new Date(Date.UTC(2025, 0, n));
    const jobOn = async (vehicleId: string, title: string, createdBy: string, createdOn: number) =>
      (
        await db
          .insert(jobs)
          .values({ vehicleId, title, createdBy, createdAt: day(createdOn) })
          .returning()
      )[0];
    const hidden = await jobOn(car.id, 'Admin only', admin.id, 1);
    const own = await jobOn(car.id, 'Worker wrote it', worker.id, 2);
    const assigned = await jobOn(van.id, 'Assigned', admin.id, 3);
    const unassigned = await jobOn(van.id, 'Was assigned', admin.id, 4);
    await db.insert(jobAssignments).values([
      { jobId: assigned!.id, workerId: worker.id, assignedBy: admin.id },
      {
        jobId: unassigned!.id,
        workerId: worker.id,
        assignedBy: admin.id,
        unassignedAt: new Date(),
        unassignedBy: admin.id,
      },
    ]);

    const asAdmin = await getCustomer(admin, customer.id);
    expect(asAdmin.vehicles.map((vehicle) => vehicle.plate)).toEqual(['HIST 1', 'HIST 2']);
    expect(asAdmin.jobs.map((job) => job.id)).toEqual([unassigned!.id, assigned!.id, own!.id, hidden!.id]);
    expect(asAdmin.jobs[1]).toMatchObject({ vehicleId: van.id, vehicleModel: 'Transit', vehiclePlate: 'HIST 2' });

    const asWorker = await getCustomer(worker, customer.id);
    expect(asWorker.jobs.map((job) => job.title)).toEqual(['Assigned', 'Worker wrote it']);
  });

  it('answers "not found" for an unknown customer', async () => {
    const worker = await createUser('worker');
    expect(await refusal(() => getCustomer(worker, randomUUID()))).toMatchObject({ kind: 'not_found' });
    expect(await refusal(() => getCustomer(worker, 'not-a-uuid'))).toMatchObject({ kind: 'not_found' });
    expect(await refusal(() => getCustomer(null, randomUUID()))).toMatchObject({ kind: 'unauthorized' });
  });
});
