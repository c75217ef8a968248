import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/db/core/actor';
import type { Database } from '@/db/client';
import { changeJobStatus, createJob, setJobAssignees } from '@/db/jobs';
import {
  addJobPart,
  adjustStock,
  cancelPurchaseOrder,
  createPart,
  createPurchaseOrder,
  createVendor,
  draftReorders,
  getPart,
  getPurchaseOrder,
  installJobPart,
  listJobParts,
  listParts,
  listStockMovements,
  orderJobPart,
  orderPurchaseOrder,
  receivePurchaseOrder,
  returnJobPart,
  updatePart,
  updatePurchaseOrder,
} from '@/db/parts';
import { parts, stockMovements } from '@/db/schema';
import { allIds, createCustomerWithVehicle, createUser, dbAndAdmin } from './support';

let db: Database;
let admin: Actor;
let worker: Actor;
let stranger: Actor;
beforeAll(async () => {
  ({ db, admin } = await dbAndAdmin());
  worker = await createUser('worker');
  stranger = await createUser('worker');
});

const sku = () => `SKU-${randomUUID().slice(0, 8)}`;

async function vendor() {
  return createVendor(admin, { name: `Parts Co ${randomUUID().slice(0, 6)}` });
}

async function stockedPart(onHand: string, extra: Record<string, unknown> = {}) {
  const part = await createPart(admin, {
    sku: sku(),
    name: 'Oil filter',
    unitCostCents: 400,
    unitPriceCents: 900,
    ...extra,
  });
  if (onHand !== '0') await adjustStock(admin, part.id, { quantity: onHand, reason: 'Opening count' });
  return getPart(admin, part.id);
}

async function jobOfWorker() {
  const { vehicle } = await createCustomerWithVehicle(admin);
  const job = await createJob(admin, { vehicleId: vehicle.id, title: 'Service' });
  await setJobAssignees(admin, job.id, { userIds: [worker.id] });
  return job;
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => ({ kind: 'none' as const, message: '', fieldErrors: {} }),
    (error: { kind: string; message: string; fieldErrors: Record<string, string[]> }) => error,
  );
}

describe('the parts catalogue', () => {
  it('refuses a second part with the same SKU in another case', async () => {
    const code = sku();
    await createPart(admin, { sku: code, name: 'Brake pads' });
    const second = await refusal(createPart(admin, { sku: code.toLowerCase(), name: 'Brake pads' }));
    expect(second.kind).toBe('conflict');
    expect(second.fieldErrors).toHaveProperty('sku');
  });

  it('only an admin manages the catalogue, everyone signed in sees it', async () => {
    expect((await refusal(createPart(worker, { sku: sku(), name: 'Wiper' }))).kind).toBe('forbidden');
    const part = await stockedPart('2');
    expect((await refusal(updatePart(worker, part.id, { name: 'x' }))).kind).toBe('forbidden');
    expect((await getPart(worker, part.id)).onHand).toBe('2.00');
    expect((await refusal(getPart(null, part.id))).kind).toBe('unauthorized');
  });

  it('finds a part by SKU or name as the counter types', async () => {
    const code = `ZQ${randomUUID().slice(0, 6)}`;
    const part = await createPart(admin, { sku: code, name: `Cabin filter ${code}` });
    expect(await allIds((cursor) => listParts(worker, { q: code.slice(0, 5), cursor }))).toContain(part.id);
    expect(await allIds((cursor) => listParts(worker, { q: code.toLowerCase(), cursor }))).toContain(part.id);
  });

  it('on hand is kept by the ledger and cannot be written directly', async () => {
    const part = await stockedPart('3.5');
    expect(part.onHand).toBe('3.50');
    await expect(db.update(parts).set({ onHandHundredths: 1000 }).where(eq(parts.id, part.id))).rejects.toThrow();
    await expect(db.delete(stockMovements).where(eq(stockMovements.partId, part.id))).rejects.toThrow();
    await expect(
      db.update(stockMovements).set({ reason: 'x' }).where(eq(stockMovements.partId, part.id)),
    ).rejects.toThrow();
    const [sum] = await db
      .select({ sum: sql<string>`sum(${stockMovements.quantityHundredths})` })
      .from(stockMovements)
      .where(eq(stockMovements.partId, part.id));
    expect(Number(sum!.sum)).toBe(350);
  });

  it('an adjustment needs a reason and never takes the shelf below zero', async () => {
    const part = await stockedPart('1');
    expect((await refusal(adjustStock(admin, part.id, { quantity: '-1' }))).fieldErrors).toHaveProperty('reason');
    const below = await refusal(adjustStock(admin, part.id, { quantity: '-1.01', reason: 'Broken' }));
    expect(below.kind).toBe('conflict');
    expect((await refusal(adjustStock(worker, part.id, { quantity: '1', reason: 'Found' }))).kind).toBe('forbidden');
    expect((await getPart(admin, part.id)).onHand).toBe('1.00');
  });

  it('the ledger lists movements newest first with the shelf after each, page by page', async () => {
    const part = await stockedPart('5');
    await adjustStock(admin, part.id, { quantity: '-2', reason: 'Damaged' });
    await adjustStock(admin, part.id, { quantity: '0.25', reason: 'Recount' });
    const first = await listStockMovements(worker, part.id, { limit: 2 });
    expect(first.data.map((m) => [m.quantity, m.onHandAfter])).toEqual([
      ['0.25', '3.25'],
      ['-2.00', '3.00'],
    ]);
    const second = await listStockMovements(worker, part.id, { limit: 2, cursor: first.nextCursor });
    expect(second.data.map((m) => [m.quantity, m.onHandAfter])).toEqual([['5.00', '5.00']]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('job parts', () => {
  it('a needed stock part is reserved and lowers what is available', async () => {
    const part = await stockedPart('3');
    const job = await jobOfWorker();
    const jobPart = await addJobPart(worker, job.id, { partId: part.id, quantity: '2' });
    expect(jobPart).toMatchObject({ status: 'needed', unitPriceCents: 900, unitCostCents: 400, quantity: '2.00' });
    expect(await getPart(admin, part.id)).toMatchObject({ onHand: '3.00', reserved: '2.00', available: '1.00' });
  });

  it('installing issues the stock and returning gives it back', async () => {
    const part = await stockedPart('3');
    const job = await jobOfWorker();
    const jobPart = await addJobPart(worker, job.id, { partId: part.id, quantity: '1.5' });
    expect((await installJobPart(worker, jobPart.id)).status).toBe('installed');
    expect(await getPart(admin, part.id)).toMatchObject({ onHand: '1.50', reserved: '0.00' });
    expect((await returnJobPart(worker, jobPart.id)).status).toBe('returned');
    expect((await getPart(admin, part.id)).onHand).toBe('3.00');
    expect((await refusal(installJobPart(worker, jobPart.id))).kind).toBe('conflict');
  });

  it('a worker cannot see or touch the parts of a job that is not theirs', async () => {
    const part = await stockedPart('3');
    const job = await jobOfWorker();
    const jobPart = await addJobPart(admin, job.id, { partId: part.id, quantity: '1' });
    expect((await refusal(listJobParts(stranger, job.id))).kind).toBe('not_found');
    expect((await refusal(addJobPart(stranger, job.id, { description: 'Bulb', quantity: 1 }))).kind).toBe('not_found');
    expect((await refusal(installJobPart(stranger, jobPart.id))).kind).toBe('not_found');
  });

  it('two installs racing for the last unit: one wins, the other is refused and stock stays at zero', async () => {
    const part = await stockedPart('1');
    const job = await jobOfWorker();
    const first = await addJobPart(worker, job.id, { partId: part.id, quantity: '1' });
    const second = await addJobPart(worker, job.id, { partId: part.id, quantity: '1' });
    const results = await Promise.allSettled([installJobPart(worker, first.id), installJobPart(admin, second.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason.kind).toBe('conflict');
    expect((await getPart(admin, part.id)).onHand).toBe('0.00');
  });

  it('forty installs of one part at once never take the shelf below zero', async () => {
    const part = await stockedPart('10');
    const job = await jobOfWorker();
    const jobParts = await Promise.all(
      Array.from({ length: 40 }, () => addJobPart(admin, job.id, { partId: part.id, quantity: '1' })),
    );
    const results = await Promise.allSettled(jobParts.map((jp) => installJobPart(worker, jp.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    for (const r of results) if (r.status === 'rejected') expect(r.reason.kind).toBe('conflict');
    expect((await getPart(admin, part.id)).onHand).toBe('0.00');
  });

  it('a free-text part is installed without touching stock and cannot be ordered', async () => {
    const job = await jobOfWorker();
    const jobPart = await addJobPart(worker, job.id, { description: 'Wiper blade (customer brought)', quantity: 1 });
    expect(jobPart.available).toBeNull();
    expect((await refusal(orderJobPart(worker, jobPart.id))).kind).toBe('conflict');
    expect((await installJobPart(worker, jobPart.id)).status).toBe('installed');
  });
});

describe('purchase orders', () => {
  it('numbers purchase orders without gaps, even when forty are drafted at once', async () => {
    const v = await vendor();
    const part = await stockedPart('0');
    const orders = await Promise.all(
      Array.from({ length: 40 }, () =>
        createPurchaseOrder(admin, { vendorId: v.id, lines: [{ partId: part.id, quantity: 1 }] }),
      ),
    );
    const numbers = orders.map((o) => Number(o.number.slice(3))).sort((a, b) => a - b);
    expect(orders.every((o) => /^PO-\d{6}$/.test(o.number) && o.status === 'draft')).toBe(true);
    expect(numbers.at(-1)! - numbers[0]!).toBe(39);
  });

  it('ordering a needed part drafts it on its vendor order, receiving marks it received', async () => {
    const v = await vendor();
    const part = await stockedPart('0', { vendorId: v.id });
    const job = await jobOfWorker();
    const jobPart = await addJobPart(worker, job.id, { partId: part.id, quantity: '2' });
    const ordered = await orderJobPart(worker, jobPart.id);
    expect(ordered.status).toBe('ordered');
    expect(ordered.purchaseOrder).not.toBeNull();
    const other = await addJobPart(worker, job.id, { partId: part.id, quantity: '1' });
    expect((await orderJobPart(worker, other.id)).purchaseOrder!.id).toBe(ordered.purchaseOrder!.id);

    const draft = await getPurchaseOrder(worker, ordered.purchaseOrder!.id);
    expect(draft.lines).toHaveLength(2);
    const expectedAt = new Date('2030-05-01T00:00:00Z');
    await updatePurchaseOrder(admin, draft.id, { expectedAt });
    await orderPurchaseOrder(admin, draft.id);
    expect((await getPart(worker, part.id)).onOrder).toBe('3.00');

    const partly = await receivePurchaseOrder(worker, draft.id, {
      lines: [{ lineId: draft.lines[0]!.id, quantity: '2' }],
    });
    expect(partly.status).toBe('partially_received');
    const [first, second] = await listJobParts(worker, job.id);
    expect(first!.status).toBe('received');
    expect(second!.status).toBe('ordered');
    expect(await getPart(worker, part.id)).toMatchObject({ onHand: '2.00', reserved: '2.00', onOrder: '1.00' });

    const over = await refusal(
      receivePurchaseOrder(worker, draft.id, { lines: [{ lineId: draft.lines[1]!.id, quantity: '2' }] }),
    );
    expect(over.kind).toBe('conflict');
    const done = await receivePurchaseOrder(worker, draft.id, {
      lines: [{ lineId: draft.lines[1]!.id, quantity: '1' }],
    });
    expect(done.status).toBe('received');
    expect((await getPart(worker, part.id)).onHand).toBe('3.00');
  });

  it('a draft cannot be received, a received order cannot be cancelled, cancelling frees its job parts', async () => {
    const v = await vendor();
    const part = await stockedPart('0', { vendorId: v.id });
    const job = await jobOfWorker();
    const jobPart = await addJobPart(worker, job.id, { partId: part.id, quantity: '1' });
    const { purchaseOrder } = await orderJobPart(worker, jobPart.id);
    const order = await getPurchaseOrder(admin, purchaseOrder!.id);
    const early = await refusal(
      receivePurchaseOrder(worker, order.id, { lines: [{ lineId: order.lines[0]!.id, quantity: 1 }] }),
    );
    expect(early.kind).toBe('conflict');
    expect((await refusal(cancelPurchaseOrder(worker, order.id))).kind).toBe('forbidden');
    await orderPurchaseOrder(admin, order.id);
    expect((await cancelPurchaseOrder(admin, order.id)).status).toBe('cancelled');
    expect((await listJobParts(worker, job.id))[0]!.status).toBe('needed');

    const second = await createPurchaseOrder(admin, { vendorId: v.id, lines: [{ partId: part.id, quantity: 2 }] });
    await orderPurchaseOrder(admin, second.id);
    await receivePurchaseOrder(worker, second.id, { lines: [{ lineId: second.lines[0]!.id, quantity: 1 }] });
    expect((await refusal(cancelPurchaseOrder(admin, second.id))).kind).toBe('conflict');
    expect((await refusal(updatePurchaseOrder(admin, second.id, { notes: 'x' }))).kind).toBe('conflict');
  });

  it('forty receipts of one line at once never receive more than was ordered', async () => {
    const v = await vendor();
    const part = await stockedPart('0');
    const order = await createPurchaseOrder(admin, { vendorId: v.id, lines: [{ partId: part.id, quantity: 5 }] });
    await orderPurchaseOrder(admin, order.id);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        receivePurchaseOrder(worker, order.id, { lines: [{ lineId: order.lines[0]!.id, quantity: 1 }] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect((await getPart(admin, part.id)).onHand).toBe('5.00');
    expect((await getPurchaseOrder(admin, order.id)).status).toBe('received');
  });

  it('the reorder button drafts one order per vendor for the parts below their reorder point', async () => {
    const v = await vendor();
    const low = await stockedPart('1', { vendorId: v.id, reorderPoint: '4' });
    const alsoLow = await stockedPart('0', { vendorId: v.id, reorderPoint: '2' });
    expect(await allIds((cursor) => listParts(admin, { reorder: true, cursor }))).toEqual(
      expect.arrayContaining([low.id, alsoLow.id]),
    );
    const drafts = (await draftReorders(admin)).filter((d) => d.vendor.id === v.id);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.lines.map((l) => [l.partId, l.quantity])).toEqual(
      expect.arrayContaining([
        [low.id, '7.00'],
        [alsoLow.id, '4.00'],
      ]),
    );
    const again = (await draftReorders(admin)).filter((d) => d.vendor.id === v.id);
    expect(again).toHaveLength(0);
  });

  it('a job waiting for parts shows the parts ETA, and Parts arrived once everything is in', async () => {
    const { partsSignals } = await import('@/db/parts');
    const v = await vendor();
    const part = await stockedPart('0', { vendorId: v.id });
    const job = await jobOfWorker();
    await changeJobStatus(admin, job.id, { status: 'in_progress' });
    await changeJobStatus(admin, job.id, { status: 'waiting_for_parts' });
    const jobPart = await addJobPart(worker, job.id, { partId: part.id, quantity: '1' });
    const { purchaseOrder } = await orderJobPart(admin, jobPart.id);
    await updatePurchaseOrder(admin, purchaseOrder!.id, { expectedAt: '2030-06-02T00:00:00Z' });
    const order = await orderPurchaseOrder(admin, purchaseOrder!.id);
    const waiting = (await partsSignals(db, [job.id])).get(job.id)!;
    expect(waiting.partsEta?.toISOString()).toBe('2030-06-02T00:00:00.000Z');
    expect(waiting.partsArrived).toBe(false);
    await receivePurchaseOrder(worker, order.id, { lines: [{ lineId: order.lines[0]!.id, quantity: 1 }] });
    expect((await partsSignals(db, [job.id])).get(job.id)).toEqual({ partsEta: null, partsArrived: true });
  });
});

describe('invoicing installed parts', () => {
  it('the invoice starts from the installed parts and its part lines keep the part and its unit cost', async () => {
    const { getInvoiceStartingParts } = await import('@/db/parts');
    const { issueInvoice } = await import('@/db/invoices');
    const { invoiceLines } = await import('@/db/schema');
    const part = await stockedPart('4');
    const job = await jobOfWorker();
    const installed = await addJobPart(worker, job.id, { partId: part.id, quantity: '2' });
    await installJobPart(worker, installed.id);
    await addJobPart(worker, job.id, { partId: part.id, quantity: '1' }); // still needed: not on the invoice
    const starting = await getInvoiceStartingParts(admin, job.id);
    expect(starting).toEqual([{ partId: part.id, description: 'Oil filter', quantity: '2.00', unitPriceCents: 900 }]);
    expect((await refusal(getInvoiceStartingParts(worker, job.id))).kind).toBe('forbidden');
    await changeJobStatus(admin, job.id, { status: 'in_progress' });
    await changeJobStatus(admin, job.id, { status: 'completed' });
    const invoice = await issueInvoice(admin, job.id, {
      lines: starting.map((line) => ({ kind: 'part', ...line })),
    });
    const [line] = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
    expect(line).toMatchObject({ partId: part.id, unitCostCents: 400, lineTotalCents: 1800 });
  });
});
