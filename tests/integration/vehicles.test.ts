import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { Actor } from '@/db/core/actor';
import { getDb } from '@/db/client';

import { archiveCustomer, createCustomer } from '@/db/customers';

import { jobAssignments, jobs } from '@/db/schema';

import {
  archiveVehicle,
  createVehicle,
  getVehicle,
  listVehicles,
  unarchiveVehicle,
  updateVehicle,
  VinTakenError,
} from '@/db/vehicles';

import { vinCheckDigit } from '@/db/vin';
import { allIds, createUser, randomVin, refusal } from './support';

import { vehicleForm } from '@/app/_lib/form-inputs';

function token(): string {
  return randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** The same VIN with a wrong check digit (position 9). */
function withWrongCheckDigit(vin: string): string {
  const wrong = vin[8] === '1' ? '2' : '1';
  return vin.slice(0, 8) + wrong + vin.slice(9);
}

async function customerOf(actor: Actor) {
  return createCustomer(actor, { name: `Owner ${token()}` });
}

/** For a search: an admin, a tag to put in plates and makes, a customer of the admin's and a fresh VIN. */
async function searchScene() {
  const admin = await createUser('admin');
  const tag = token();
  return { admin, tag, customer: await customerOf(admin), vin: randomVin() };
}

describe('registering a vehicle: VIN rules', () => {
  it('accepts a VIN with a valid check digit and stores it in upper case', async () => {
    const worker = await createUser('worker');
    const customer = await customerOf(worker);
    const vin = randomVin();
    const vehicle = await createVehicle(worker, {
      customerId: customer.id,
      vin: `${vin.slice(0, 5).toLowerCase()}-${vin.slice(5).toLowerCase()}`,
      make: 'Toyota',
      model: 'Corolla',
      year: '2019',
      odometer: '48200',
    });
    expect(vehicle).toMatchObject({
      vin,
      make: 'Toyota',
      model: 'Corolla',
      year: 2019,
      odometer: 48_200,
      vinWarning: null,
    });
  });

  it('refuses a wrong check digit unless the warning is accepted', async () => {
    const worker = await createUser('worker');
    const customer = await customerOf(worker);
    const vin = withWrongCheckDigit(randomVin());
    const input = { customerId: customer.id, vin, make: 'Peugeot', model: '208' };

    const refused = await refusal(() => createVehicle(worker, input));
    expect(refused).toMatchObject({ kind: 'invalid' });
    const fieldErrors = refused !== 'allowed' ? refused.fieldErrors : {};
    expect(fieldErrors.vin?.[0]).toContain(`should be ${vinCheckDigit(vin)}`);
    expect(fieldErrors.acceptVinWarning).toBeDefined();
    expect(await refusal(() => createVehicle(worker, { ...input, acceptVinWarning: false }))).toMatchObject({
      kind: 'invalid',
    });

    const accepted = await createVehicle(worker, { ...input, acceptVinWarning: true });
    expect(accepted.vin).toBe(vin);
    expect(accepted.vinWarning).toContain('check digit');
    expect((await getVehicle(worker, accepted.id)).vinWarning).toContain('check digit');

    // the form's checkbox arrives as "on"
    const other = withWrongCheckDigit(randomVin());
    const fromForm = await createVehicle(worker, vehicleForm({ ...input, vin: other, acceptVinWarning: 'on' }).input);
    expect(fromForm.vin).toBe(other);
  });

  it('refuses I, O and Q in a 17-character VIN, and impossible lengths', async () => {
    const worker = await createUser('worker');
    const customer = await customerOf(worker);
    for (const letter of ['I', 'O', 'Q']) {
      const vin = randomVin().slice(0, 16) + letter;
      const refused = await refusal(() =>
        createVehicle(worker, { customerId: customer.id, vin, make: 'VW', model: 'Golf', acceptVinWarning: true }),
      );
      expect(refused).toMatchObject({ kind: 'invalid' });
      expect(refused !== 'allowed' && refused.fieldErrors.vin?.[0]).toContain('never I, O or Q');
    }
    for (const vin of ['AB1', `${randomVin()}9`, 'ÄBC-12345']) {
      expect(
        await refusal(() => createVehicle(worker, { customerId: customer.id, vin, make: 'VW', model: 'Golf' })),
      ).toMatchObject({
        kind: 'invalid',
      });
    }
  });

  it('allows an older, shorter chassis number', async () => {
    const worker = await createUser('worker');
    const customer = await customerOf(worker);
    const chassis = `wf0${token()}`; // 11 characters
    const vehicle = await createVehicle(worker, {
      customerId: customer.id,
      vin: chassis,
      make: 'Ford',
      model: 'Cortina',
      year: 1972,
    });
    expect(vehicle.vin).toBe(chassis.toUpperCase());
    expect(vehicle.vinWarning).toBeNull();
  });

  it('refuses a VIN already on another active vehicle, with a link to it, and allows it once that one is archived', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    const customer = await customerOf(worker);
    const newOwner = await customerOf(worker);
    const vin = randomVin();
    const first = await createVehicle(worker, {
      customerId: customer.id,
      vin,
      plate: 'old 1',
      make: 'Honda',
      model: 'Civic',
    });

    const refused = await refusal(() =>
      createVehicle(worker, { customerId: newOwner.id, vin: vin.toLowerCase(), make: 'Honda', model: 'Civic' }),
    );
    expect(refused).toBeInstanceOf(VinTakenError);
    expect(refused).toMatchObject({ kind: 'conflict', existingVehicleId: first.id });
    const fieldErrors = refused !== 'allowed' ? refused.fieldErrors : {};
    expect(fieldErrors.vin?.[0]).toContain('Honda Civic, OLD 1');
    expect(fieldErrors.existingVehicleId).toEqual([first.id]);

    await archiveVehicle(admin, first.id);
    const second = await createVehicle(worker, { customerId: newOwner.id, vin, make: 'Honda', model: 'Civic' });
    expect(second.vin).toBe(vin);

    // the archived one cannot come back while the VIN is taken
    expect(await refusal(() => unarchiveVehicle(admin, first.id))).toMatchObject({
      kind: 'conflict',
      existingVehicleId: second.id,
    });

    // and an edit cannot move a taken VIN onto another vehicle
    const third = await createVehicle(worker, { customerId: newOwner.id, make: 'Honda', model: 'Jazz' });
    expect(await refusal(() => updateVehicle(worker, third.id, { vin }))).toMatchObject({
      kind: 'conflict',
      existingVehicleId: second.id,
    });
  });

  it('normalises the plate (trimmed, upper case)', async () => {
    const worker = await createUser('worker');
    const customer = await customerOf(worker);
    const vehicle = await createVehicle(worker, {
      customerId: customer.id,
      plate: '  ab  123 cd ',
      make: 'Fiat',
      model: 'Panda',
    });
    expect(vehicle.plate).toBe('AB 123 CD');
    const updated = await updateVehicle(worker, vehicle.id, { plate: ' xy-99 ' });
    expect(updated.plate).toBe('XY-99');
  });

  it('checks year, odometer, make and model on the server', async () => {
    const worker = await createUser('worker');
    const customer = await customerOf(worker);
    const base = { customerId: customer.id, make: 'Kia', model: 'Rio' };
    const nextYear = new Date().getUTCFullYear() + 1;
    expect((await createVehicle(worker, { ...base, year: nextYear })).year).toBe(nextYear);
    expect((await createVehicle(worker, { ...base, year: 1900 })).year).toBe(1900);
    for (const year of [1899, nextYear + 1, 'soon', 2001.5]) {
      const refused = await refusal(() => createVehicle(worker, { ...base, year }));
      expect(refused !== 'allowed' && Object.keys(refused.fieldErrors)).toEqual(['year']);
    }
    expect(await refusal(() => createVehicle(worker, { ...base, odometer: -1 }))).toMatchObject({ kind: 'invalid' });
    const missing = await refusal(() => createVehicle(worker, { customerId: customer.id, make: ' ', model: '' }));
    expect(missing !== 'allowed' && Object.keys(missing.fieldErrors).sort()).toEqual(['make', 'model']);
    expect(await refusal(() => createVehicle(worker, { ...base, customerId: randomUUID() }))).toMatchObject({
      kind: 'invalid',
      fieldErrors: { customerId: ['That customer does not exist.'] },
    });
    expect(await refusal(() => createVehicle(null, base))).toMatchObject({ kind: 'unauthorized' });
  });

  it('refuses to register a vehicle under an archived customer', async () => {
    const admin = await createUser('admin');
    const customer = await customerOf(admin);
    await archiveCustomer(admin, customer.id);
    const refused = await refusal(() => createVehicle(admin, { customerId: customer.id, make: 'Kia', model: 'Rio' }));
    expect(refused !== 'allowed' && refused.fieldErrors.customerId).toBeDefined();
  });
});

describe('editing vehicles', () => {
  it('keeps an accepted VIN warning on later edits, but checks a new VIN in full', async () => {
    const worker = await createUser('worker');
    const customer = await customerOf(worker);
    const vin = withWrongCheckDigit(randomVin());
    const vehicle = await createVehicle(worker, {
      customerId: customer.id,
      vin,
      make: 'Dacia',
      model: 'Logan',
      acceptVinWarning: true,
    });
    const edited = await updateVehicle(worker, vehicle.id, { vin: vin.toLowerCase(), color: 'Red', odometer: '1000' });
    expect(edited).toMatchObject({ vin, color: 'Red', odometer: 1000 });

    const another = withWrongCheckDigit(randomVin());
    expect(await refusal(() => updateVehicle(worker, vehicle.id, { vin: another }))).toMatchObject({ kind: 'invalid' });
    expect((await updateVehicle(worker, vehicle.id, { vin: another, acceptVinWarning: true })).vin).toBe(another);
    expect(await updateVehicle(worker, vehicle.id, { vin: '', color: '' })).toMatchObject({ vin: null, color: null });
  });

  it('moves a vehicle to another customer', async () => {
    const worker = await createUser('worker');
    const seller = await customerOf(worker);
    const buyer = await customerOf(worker);
    const vehicle = await createVehicle(worker, { customerId: seller.id, make: 'Mazda', model: '3' });
    const moved = await updateVehicle(worker, vehicle.id, { customerId: buyer.id });
    expect(moved.customerId).toBe(buyer.id);
    expect((await getVehicle(worker, vehicle.id)).owner).toMatchObject({ id: buyer.id, name: buyer.name });
  });
});

describe('archiving vehicles', () => {
  it('only an admin archives or unarchives a vehicle', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    const customer = await customerOf(worker);
    const vehicle = await createVehicle(worker, { customerId: customer.id, make: 'Opel', model: 'Astra' });
    expect(await refusal(() => archiveVehicle(worker, vehicle.id))).toMatchObject({ kind: 'forbidden' });
    expect((await archiveVehicle(admin, vehicle.id)).archivedAt).toBeInstanceOf(Date);
    expect(await refusal(() => unarchiveVehicle(worker, vehicle.id))).toMatchObject({ kind: 'forbidden' });
    expect((await unarchiveVehicle(admin, vehicle.id)).archivedAt).toBeNull();
  });
});

describe('the vehicles list', () => {
  it('searches by plate, VIN and make/model, pages with a cursor and hides archived vehicles', async () => {
    const { admin, tag, customer, vin } = await searchScene();
    const register = (n: number, model: string, extra: { vin?: string } = {}) =>
      createVehicle(admin, { customerId: customer.id, plate: `${tag}-${n}`, make: `Make${tag}`, model, ...extra });
    const a = await register(1, 'Alpha', { vin });
    const b = await register(2, 'Beta');
    const c = await register(3, 'Gamma');

    const ids = async (input: Record<string, unknown>) =>
      (await listVehicles(admin, input)).data.map((vehicle) => vehicle.id);
    expect(await ids({ q: `${tag}-2`.toLowerCase() })).toEqual([b.id]);
    expect(await ids({ q: `${tag}2` })).toEqual([b.id]); // punctuation ignored
    expect(await ids({ q: vin.slice(2, 12) })).toEqual([a.id]);
    expect(await ids({ q: `make${tag} gam` })).toEqual([c.id]);

    const first = await listVehicles(admin, { q: tag, limit: 2 });
    expect(first.data.map((vehicle) => vehicle.id)).toEqual([a.id, b.id]);
    expect(first.data[0]).toMatchObject({ customerName: customer.name, customerArchived: false });
    const second = await listVehicles(admin, { q: tag, limit: '2', cursor: first.nextCursor });
    expect(second.data.map((vehicle) => vehicle.id)).toEqual([c.id]);
    expect(second.nextCursor).toBeNull();

    await archiveVehicle(admin, c.id);
    expect(await ids({ q: tag })).toEqual([a.id, b.id]);
    expect(await ids({ q: tag, includeArchived: true })).toEqual([a.id, b.id, c.id]);
    expect(await ids({ customerId: customer.id })).toEqual([a.id, b.id]);

    // an archived customer's vehicles leave the general list, not the customer's own
    await archiveCustomer(admin, customer.id);
    expect(await ids({ q: tag })).toEqual([]);
    expect(await ids({ customerId: customer.id })).toEqual([a.id, b.id]);
  });
});

describe('a one- or two-letter vehicle search', () => {
  it('finds the start of a word in plate, VIN, make or model, not the middle of one', async () => {
    const { admin, tag, customer, vin } = await searchScene();
    // Greek make and model: no other vehicle's words start with these letters (every match is paged through anyway).
    const vehicle = await createVehicle(admin, {
      customerId: customer.id,
      plate: `Q7 ${tag}`,
      make: `Ζη${tag}`,
      model: `Θι ${tag}`,
      vin,
    });
    const found = async (q: string) =>
      (await allIds((cursor) => listVehicles(admin, { q, limit: 100, cursor }))).includes(vehicle.id);
    for (const q of ['ζη', 'θι', 'ζ θ', 'q7', 'Q', vin.slice(0, 2)]) {
      expect(await found(q), q).toBe(true);
    }
    for (const q of ['η', 'ι', 'ζη ι']) {
      expect(await found(q), q).toBe(false);
    }
  });
});

describe('the vehicle page', () => {
  it('shows the owner, service history newest first (only visible jobs) and odometer readings', async () => {
    const admin = await createUser('admin');
    const worker = await createUser('worker');
    const db = await getDb();
    const customer = await customerOf(admin);
    const vehicle = await createVehicle(admin, {
      customerId: customer.id,
      make: 'Skoda',
      model: 'Octavia',
      odometer: 90_000,
    });
    const day = (n: number) => new Date(Date.UTC(2024, 5, n));
    await db.insert(jobs).values({
      vehicleId: vehicle.id,
      title: 'Hidden service',
      odometerIn: 60_000,
      createdBy: admin.id,
      createdAt: day(1),
    });
    const [own] = await db
      .insert(jobs)
      .values({
        vehicleId: vehicle.id,
        title: 'Oil change',
        odometerIn: 70_000,
        createdBy: worker.id,
        createdAt: day(2),
      })
      .returning();
    const [assigned] = await db
      .insert(jobs)
      .values({ vehicleId: vehicle.id, title: 'Brakes', odometerIn: 80_000, createdBy: admin.id, createdAt: day(3) })
      .returning();
    await db.insert(jobAssignments).values({ jobId: assigned!.id, workerId: worker.id, assignedBy: admin.id });

    const asAdmin = await getVehicle(admin, vehicle.id);
    expect(asAdmin.owner).toMatchObject({ id: customer.id, name: customer.name });
    expect(asAdmin.jobs.map((job) => job.title)).toEqual(['Brakes', 'Oil change', 'Hidden service']);
    expect(asAdmin.odometerReadings.map((reading) => [reading.reading, reading.source])).toEqual([
      [90_000, 'vehicle'],
      [80_000, 'job'],
      [70_000, 'job'],
      [60_000, 'job'],
    ]);

    const asWorker = await getVehicle(worker, vehicle.id);
    expect(asWorker.jobs.map((job) => job.id)).toEqual([assigned!.id, own!.id]);
    expect(asWorker.odometerReadings.map((reading) => reading.reading)).toEqual([90_000, 80_000, 70_000]);
    expect(asWorker.odometerReadings[1]).toMatchObject({
      jobId: assigned!.id,
      jobNumber: assigned!.number,
      recordedAt: day(3),
    });
  });

  it('answers "not found" for an unknown vehicle', async () => {
    const worker = await createUser('worker');
    expect(await refusal(() => getVehicle(worker, randomUUID()))).toMatchObject({ kind: 'not_found' });
    expect(await refusal(() => updateVehicle(worker, 'nope', { make: 'X' }))).toMatchObject({ kind: 'not_found' });
  });
});
