// The job's timeline: each estimate version created, sent and superseded, and each answer with its channel,
// the authorizer's name and the approved total.
import { describe, expect, it } from 'vitest';
import { DomainError } from '@/db/core/errors';
import {
  answerPublicEstimate,
  createEstimate,
  listJobEstimateEvents,
  recordAuthorization,
  reviseEstimate,
  sendEstimate,
} from '@/db/estimates';
import { createJob } from '@/db/jobs';
import { createCustomerWithVehicle, createUser } from './support';

const lines = [
  { kind: 'labor', description: 'Replace front pads', quantity: '1', unitPriceCents: 10_000 },
  { kind: 'part', description: 'Brake pads', quantity: 1, unitPriceCents: 5_000 },
];

describe("the job's timeline", () => {
  it('lists every estimate version created, sent and superseded, and each answer, oldest first', async () => {
    const admin = await createUser('admin');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const job = await createJob(admin, { vehicleId: vehicle.id, title: 'Brakes squeal' });
    const first = await createEstimate(admin, job.id, { lines });
    await sendEstimate(admin, first.id);
    const phone = await recordAuthorization(admin, first.id, {
      channel: 'phone',
      authorizedBy: 'Ann Driver',
      approvedLineIds: [first.lines[0]!.id],
    });
    const second = await reviseEstimate(admin, first.id);
    const sent = await sendEstimate(admin, second.id);
    const token = sent.approvalUrl.split('/approve/')[1]!;
    await answerPublicEstimate(
      token,
      { approvedLineIds: [], name: 'Ann Driver' },
      { address: `t-${Math.random()}`, userAgent: 'Phone' },
    );

    const events = await listJobEstimateEvents(admin, job.id);
    expect(events.map((event) => [event.kind, event.version])).toEqual([
      ['created', 1],
      ['sent', 1],
      ['answered', 1],
      ['superseded', 1],
      ['created', 2],
      ['sent', 2],
      ['answered', 2],
    ]);
    expect(events[1]).toMatchObject({ by: admin.name, expiresAt: expect.any(Date) });
    expect(events[2]).toMatchObject({
      kind: 'answered',
      channel: 'phone',
      authorizedBy: 'Ann Driver',
      approvedLineCount: 1,
      approvedTotalCents: phone.approvedTotalCents,
      by: admin.name,
    });
    expect(events[3]).toMatchObject({ kind: 'superseded', by: admin.name, at: events[4]!.at });
    expect(events[6]).toMatchObject({
      channel: 'link',
      authorizedBy: 'Ann Driver',
      approvedLineCount: 0,
      approvedTotalCents: 0,
      by: null,
    });
    for (let i = 1; i < events.length; i++) expect(events[i]!.at >= events[i - 1]!.at).toBe(true);
  });

  it('shows a worker who cannot see the job nothing: not found', async () => {
    const admin = await createUser('admin');
    const stranger = await createUser('worker');
    const { vehicle } = await createCustomerWithVehicle(admin);
    const job = await createJob(admin, { vehicleId: vehicle.id, title: 'Oil change' });
    await createEstimate(admin, job.id, { lines });
    const refused = await listJobEstimateEvents(stranger, job.id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ kind: 'not_found' });
    expect(await listJobEstimateEvents(admin, job.id)).toHaveLength(1);
  });
});
