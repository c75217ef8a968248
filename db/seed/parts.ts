// The demo shop's parts room: vendors, a catalogue with stock on the shelf (opening counts, receipts, issues,
// a return), purchase orders in every status and job parts in every status, the waiting jobs' parts on order.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../client';
import {
  jobParts,
  jobs,
  parts,
  purchaseOrderCounter,
  purchaseOrderLines,
  purchaseOrders,
  stockMovements,
  vendors,
  type JobPartStatus,
  type PurchaseOrderStatus,
} from '../schema';

const DAY = 86_400_000;
const catalogue = [
  ['OF-1042', 'Oil filter', 'Bosch', 450, 1_200, 'A-1', 600],
  ['OIL-5W30', 'Engine oil 5W-30 (litre)', 'Castrol', 700, 1_500, 'A-2', 2_000],
  ['BP-F220', 'Front brake pads', 'Brembo', 3_200, 7_900, 'B-1', 200],
  ['BD-F220', 'Front brake disc', 'Brembo', 4_800, 11_500, 'B-2', 200],
  ['AF-330', 'Air filter', 'Mann', 900, 2_400, 'A-3', 400],
  ['SP-IR4', 'Spark plug, iridium', 'NGK', 650, 1_600, 'C-1', 800],
  ['WB-600', 'Wiper blade 600 mm', 'Bosch', 1_100, 2_600, 'C-2', 400],
  ['BAT-70', 'Battery 70 Ah', 'Varta', 8_500, 16_900, 'D-1', 100],
  ['CF-210', 'Cabin filter', 'Mann', 1_000, 2_800, 'A-4', 300],
  ['BF-DOT4', 'Brake fluid DOT 4 (litre)', 'ATE', 800, 1_900, 'B-3', 500],
  ['TB-KIT9', 'Timing belt kit', 'Gates', 9_500, 21_000, 'D-2', 0],
  ['CL-G12', 'Coolant G12 (litre)', 'Febi', 500, 1_300, 'A-5', 1_000],
] as const;

export async function writeDemoParts(tx: Transaction, adminId: string, workerId: string, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const [metro, fastline, oldSupplier] = await tx
    .insert(vendors)
    .values([
      {
        name: 'Metro Motor Factors',
        contactName: 'Dana Ruiz',
        phone: '555-201-0001',
        email: 'orders@metro.example',
        accountNumber: 'MMF-4410',
      },
      {
        name: 'Fastline Parts',
        contactName: 'Sam Okafor',
        phone: '555-201-0002',
        email: 'trade@fastline.example',
        accountNumber: 'FL-0093',
      },
      { name: 'Old Town Supplies', phone: '555-201-0003', archivedAt: ago(90) },
    ])
    .returning({ id: vendors.id });
  void oldSupplier;
  const partRows = await tx
    .insert(parts)
    .values(
      catalogue.map(([sku, name, brand, cost, price, bin, reorder], index) => ({
        sku,
        name,
        brand,
        unitCostCents: cost,
        unitPriceCents: price,
        bin,
        reorderPointHundredths: reorder,
        vendorId: index % 3 === 2 ? fastline!.id : metro!.id,
        createdAt: ago(300),
      })),
    )
    .returning({
      id: parts.id,
      vendorId: parts.vendorId,
      cost: parts.unitCostCents,
      price: parts.unitPriceCents,
      name: parts.name,
    });
  // Opening counts (adjustments); the timing belt kit and the cabin filter start empty.
  const opening = [1_200, 4_000, 600, 200, 500, 1_600, 200, 100, 0, 800, 0, 1_500];
  await tx.insert(stockMovements).values(
    partRows.flatMap((part, index) =>
      opening[index]! > 0
        ? [
            {
              partId: part.id,
              quantityHundredths: opening[index]!,
              kind: 'adjustment' as const,
              reason: 'Opening count',
              createdBy: adminId,
              createdAt: ago(300),
            },
          ]
        : [],
    ),
  );

  // Purchase orders in every status, numbered after the shop's last one (the counter row stays locked).
  const [counter] = await tx
    .select({ lastNumber: purchaseOrderCounter.lastNumber })
    .from(purchaseOrderCounter)
    .for('update');
  let number = counter?.lastNumber ?? 0;
  const order = async (
    vendorId: string,
    status: PurchaseOrderStatus,
    days: number,
    lines: { part: number; qty: number; received: number; jobPartId?: string }[],
    expectedInDays: number | null,
  ) => {
    number += 1;
    const [row] = await tx
      .insert(purchaseOrders)
      .values({
        number,
        vendorId,
        expectedAt: expectedInDays === null ? null : new Date(now.getTime() + expectedInDays * DAY),
        createdBy: adminId,
        createdAt: ago(days),
        orderedAt: status === 'draft' ? null : ago(days),
        notes: status === 'cancelled' ? 'Found cheaper elsewhere.' : null,
      })
      .returning({ id: purchaseOrders.id });
    for (const [position, line] of lines.entries()) {
      const part = partRows[line.part]!;
      const [inserted] = await tx
        .insert(purchaseOrderLines)
        .values({
          purchaseOrderId: row!.id,
          position: position + 1,
          partId: part.id,
          description: part.name,
          quantityHundredths: line.qty,
          unitCostCents: part.cost,
          receivedHundredths: line.received,
          jobPartId: line.jobPartId ?? null,
        })
        .returning({ id: purchaseOrderLines.id });
      if (line.received > 0) {
        await tx.insert(stockMovements).values({
          partId: part.id,
          quantityHundredths: line.received,
          kind: 'receipt',
          purchaseOrderLineId: inserted!.id,
          createdBy: workerId,
          createdAt: ago(days - 1),
        });
      }
    }
    // Statuses walk the transition table (the trigger allows only its steps).
    const path: Record<PurchaseOrderStatus, PurchaseOrderStatus[]> = {
      draft: [],
      ordered: ['ordered'],
      partially_received: ['ordered', 'partially_received'],
      received: ['ordered', 'received'],
      cancelled: ['cancelled'],
    };
    for (const step of path[status]) {
      await tx
        .update(purchaseOrders)
        .set({ status: step, cancelledAt: step === 'cancelled' ? ago(days - 1) : null })
        .where(eq(purchaseOrders.id, row!.id));
    }
    return row!.id;
  };
  const filtersAndOil = [
    { part: 0, qty: 1_200, received: 1_200 },
    { part: 1, qty: 2_000, received: 2_000 },
  ];
  await order(metro!.id, 'received', 40, filtersAndOil, -35);
  const plugsAndPads = [
    { part: 5, qty: 800, received: 400 },
    { part: 2, qty: 400, received: 0 },
  ];
  await order(fastline!.id, 'partially_received', 10, plugsAndPads, 2);
  await order(metro!.id, 'cancelled', 20, [{ part: 7, qty: 200, received: 0 }], null);

  // Job parts: the open jobs' needs in every status; the waiting jobs' parts are on an ordered PO.
  const openJobs = await tx
    .select({ id: jobs.id, status: jobs.status })
    .from(jobs)
    .where(inArray(jobs.status, ['in_progress', 'waiting_for_parts', 'completed']))
    .orderBy(asc(jobs.number))
    .limit(40);
  const waiting = openJobs.filter((job) => job.status === 'waiting_for_parts');
  const working = openJobs.filter((job) => job.status === 'in_progress');
  const add = async (jobId: string, part: number, qty: number, status: JobPartStatus) => {
    const p = partRows[part]!;
    const [row] = await tx
      .insert(jobParts)
      .values({
        jobId,
        partId: p.id,
        description: p.name,
        quantityHundredths: qty,
        unitPriceCents: p.price,
        unitCostCents: p.cost,
        addedBy: workerId,
        createdAt: ago(3),
      })
      .returning({ id: jobParts.id });
    const walk: Record<JobPartStatus, JobPartStatus[]> = {
      needed: [],
      ordered: ['ordered'],
      received: ['ordered', 'received'],
      installed: ['installed'],
      returned: ['installed', 'returned'],
    };
    const move = (kind: 'issue' | 'return', quantityHundredths: number, daysAgo: number) =>
      tx.insert(stockMovements).values({
        partId: p.id,
        quantityHundredths,
        kind,
        jobPartId: row!.id,
        createdBy: workerId,
        createdAt: ago(daysAgo),
      });
    for (const step of walk[status]) {
      if (step === 'installed') await move('issue', -qty, 2);
      if (step === 'returned') await move('return', qty, 1);
      await tx
        .update(jobParts)
        .set({ status: step, installedAt: step === 'installed' ? ago(2) : undefined })
        .where(eq(jobParts.id, row!.id));
    }
    return row!.id;
  };
  for (const [index, job] of waiting.entries()) {
    const jobPartId = await add(job.id, 10, 100, 'ordered');
    await order(metro!.id, 'ordered', 2, [{ part: 10, qty: 100, received: 0, jobPartId }], 3 + index);
  }
  if (working[0]) {
    await add(working[0].id, 0, 100, 'installed');
    await add(working[0].id, 1, 450, 'installed');
    await add(working[0].id, 4, 100, 'needed');
  }
  if (working[1]) {
    await add(working[1].id, 2, 100, 'returned');
    await add(working[1].id, 3, 200, 'needed');
  }
  if (working[2]) {
    // Every part arrived: the assignee sees "Parts arrived".
    const jobPartId = await add(working[2].id, 8, 100, 'received');
    await order(fastline!.id, 'received', 5, [{ part: 8, qty: 100, received: 100, jobPartId }], -1);
  }
  // A draft started from the reorder list.
  await order(fastline!.id, 'draft', 0, [{ part: 8, qty: 300, received: 0 }], null);
  await tx
    .insert(purchaseOrderCounter)
    .values({ id: true, lastNumber: number })
    .onConflictDoUpdate({
      target: purchaseOrderCounter.id,
      set: { lastNumber: sql`greatest(${purchaseOrderCounter.lastNumber}, ${number})` },
    });
}
