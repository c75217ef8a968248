import { randomUUID } from 'node:crypto';

import { eq } from 'drizzle-orm';

import { describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';

import { changeJobStatus, createJob, setJobAssignees } from '@/db/jobs';

import { addJobNote, listJobNotes } from '@/db/notes';

import { jobNotes } from '@/db/schema';

import { createCustomerWithVehicle, createUser, duringUnassignment, refusalKind } from './support';

async function shop() {
  const admin = await createUser('admin', 'Shop Admin');
  const mechanic = await createUser('worker', 'Assigned Mechanic');
  const { vehicle } = await createCustomerWithVehicle(admin);
  const job = await createJob(admin, { vehicleId: vehicle.id, title: 'Noise from front suspension' });
  await setJobAssignees(admin, job.id, { userIds: [mechanic.id] });
  return { admin, mechanic, vehicle, job };
}

async function noteCount(jobId: string): Promise<number> {
  const db = await getDb();
  return (await db.select().from(jobNotes).where(eq(jobNotes.jobId, jobId))).length;
}

describe('job notes', () => {
  it('an assigned mechanic and the admin add notes, shown oldest first with author and time', async () => {
    const { admin, mechanic, job } = await shop();
    const first = await addJobNote(mechanic, job.id, { body: '  Clunk confirmed on test drive.  ' });
    expect(first).toMatchObject({
      body: 'Clunk confirmed on test drive.',
      author: { id: mechanic.id, name: 'Assigned Mechanic' },
    });
    await addJobNote(admin, job.id, { body: 'Customer approved the estimate.' });
    await addJobNote(mechanic, job.id, { body: 'Correction: it is the left sway bar link.' });
    const { data, nextCursor } = await listJobNotes(mechanic, job.id);
    expect(nextCursor).toBeNull();
    expect(data.map((note) => note.body)).toEqual([
      'Clunk confirmed on test drive.',
      'Customer approved the estimate.',
      'Correction: it is the left sway bar link.',
    ]);
    expect(data.map((note) => note.author.name)).toEqual(['Assigned Mechanic', 'Shop Admin', 'Assigned Mechanic']);
    expect(data.every((note) => note.createdAt instanceof Date)).toBe(true);
  });

  it('pages through many notes without skipping or repeating one', async () => {
    const { mechanic, job } = await shop();
    for (let index = 0; index < 7; index++) await addJobNote(mechanic, job.id, { body: `Note ${index}` });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listJobNotes(mechanic, job.id, { limit: 3, cursor });
      seen.push(...page.data.map((note) => note.body));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, index) => `Note ${index}`));
  });

  it('refuses an empty note and one over 5000 characters', async () => {
    const { mechanic, job } = await shop();
    expect(await refusalKind(() => addJobNote(mechanic, job.id, { body: '   ' }))).toBe('invalid');
    expect(await refusalKind(() => addJobNote(mechanic, job.id, {}))).toBe('invalid');
    expect(await refusalKind(() => addJobNote(mechanic, job.id, { body: 'x'.repeat(5001) }))).toBe('invalid');
    expect((await addJobNote(mechanic, job.id, { body: 'x'.repeat(5000) })).body).toHaveLength(5000);
    expect(await noteCount(job.id)).toBe(1);
  });

  it('refuses a null character on the note field, where the database would refuse the whole write', async () => {
    const { mechanic, job } = await shop();
    const refusal = await addJobNote(mechanic, job.id, { body: 'a\u0000b' }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      kind: 'invalid',
      fieldErrors: { body: ['A note must not contain a null character.'] },
    });
    expect(await noteCount(job.id)).toBe(0);
  });

  it('lets only the admin or an assigned worker add notes', async () => {
    const { admin, job } = await shop();
    const creator = await createUser('worker', 'Front Desk');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const own = await createJob(creator, { vehicleId: vehicle.id, title: 'Battery keeps dying' });
    expect(await refusalKind(() => addJobNote(creator, own.id, { body: 'Can I?' }))).toBe('forbidden');
    expect((await listJobNotes(creator, own.id)).data).toEqual([]);
    await setJobAssignees(admin, own.id, { userIds: [creator.id] });
    expect(await refusalKind(() => addJobNote(creator, own.id, { body: 'Now I can.' }))).toBe('allowed');
    expect(await refusalKind(() => addJobNote(null, job.id, { body: 'Anonymous' }))).toBe('unauthorized');
  });

  it('a mechanic cannot read or write notes on a job they are not assigned to', async () => {
    const { admin, job } = await shop();
    await addJobNote(admin, job.id, { body: 'Private to this job' });
    const stranger = await createUser('worker');
    expect(await refusalKind(() => listJobNotes(stranger, job.id))).toBe('not_found');
    expect(await refusalKind(() => addJobNote(stranger, job.id, { body: 'Sneaky' }))).toBe('not_found');
    expect(await refusalKind(() => listJobNotes(admin, randomUUID()))).toBe('not_found');
    expect(await noteCount(job.id)).toBe(1);
  });

  it('refuses a note from a mechanic being unassigned at that moment, and writes nothing', async () => {
    const { admin, mechanic, job } = await shop();
    const attempt = await duringUnassignment(job.id, admin, () =>
      refusalKind(() => addJobNote(mechanic, job.id, { body: 'Just in time?' })),
    );
    expect(attempt).not.toBe('allowed');
    expect(await noteCount(job.id)).toBe(0);
  });

  it('still takes notes on a completed job', async () => {
    const { mechanic, job } = await shop();
    for (const status of ['in_progress', 'completed'] as const) await changeJobStatus(mechanic, job.id, { status });
    expect((await addJobNote(mechanic, job.id, { body: 'Customer picked it up.' })).body).toBe(
      'Customer picked it up.',
    );
  });
});
