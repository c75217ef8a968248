// Demo data: a believable small shop that touches every table. Deterministic (seeded PRNG), written in one
// transaction, and idempotent: when the demo admin already exists nothing is written again.
import { writeDemoParts } from './parts';
import { eq, sql } from 'drizzle-orm';
import { seedEstimates } from './estimates';
import { seedTimeClocks } from './time';
import type { Database, Transaction } from '../client';
import { formatInvoiceNumber } from '../core/document-numbers';
import { priceLines, quantityToHundredths } from '../money';
import { hashPassword } from '../auth/passwords';
import {
  customers,
  invoiceCounters,
  invoiceLines,
  invoices,
  jobAssignments,
  jobNotes,
  jobs,
  jobStatusChanges,
  payments,
  shopSettings,
  users,
  vehicles,
  type InvoiceLineKind,
  type JobStatus,
  type PaymentMethod,
} from '../schema';
import { withCheckDigit } from '../vin';
// The copy an invoice takes at issue (its SQL, shared with db/invoices/issuing.ts; no server-only import there).
import { documentCopyColumns } from '../invoices/sql';
import {
  prng,
  firstNames,
  lastNames,
  businesses,
  streets,
  models,
  colors,
  complaints,
  noteTexts,
  plans,
  paths,
} from './demo-data';

export const demoSignIns = [
  { email: 'admin@example.com', password: 'admin-demo-pass', name: 'Alex Morgan', role: 'admin' },
  { email: 'worker@example.com', password: 'worker-demo-pass', name: 'Jamie Rivera', role: 'worker' },
  { email: 'mechanic2@example.com', password: 'worker-demo-pass', name: 'Chris Novak', role: 'worker' },
] as const;

const DAY = 24 * 60 * 60 * 1000;

/**
 * Loads the demo shop. With `onlyIfEmpty` it writes only into a database without users (the embedded
 * database's first start); otherwise only when the demo admin is missing. Returns whether it wrote anything.
 */
export async function seedDemoData(
  db: Database,
  options: { onlyIfEmpty?: boolean; now?: Date } = {},
): Promise<boolean> {
  const [existing] = await db
    .select({
      count: sql<number>`count(*)::int`,
      demo: sql<number>`count(*) filter (where lower(${users.email}) = 'admin@example.com')::int`,
    })
    .from(users);
  if (options.onlyIfEmpty ? existing!.count > 0 : existing!.demo > 0) return false;

  const hashes = {
    admin: await hashPassword('admin-demo-pass'),
    worker: await hashPassword('worker-demo-pass'),
    former: await hashPassword('former-demo-pass'),
  };
  await db.transaction(async (tx) => {
    await writeDemoShop(tx, hashes, options.now ?? new Date());
    await seedEstimates(tx, options.now ?? new Date());
  });
  return true;
}

async function writeDemoShop(tx: Transaction, hashes: { admin: string; worker: string; former: string }, now: Date) {
  const random = prng(20261130);
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * 3_600_000);

  const [admin, worker, mechanic2, former] = await tx
    .insert(users)
    .values([
      { ...demoSignIns[0], passwordHash: hashes.admin, createdAt: ago(400) },
      { ...demoSignIns[1], passwordHash: hashes.worker, createdAt: ago(380) },
      { ...demoSignIns[2], passwordHash: hashes.worker, createdAt: ago(200) },
      {
        email: 'former.mechanic@example.com',
        name: 'Pat Kim',
        role: 'worker' as const,
        passwordHash: hashes.former,
        active: false,
        deactivatedAt: ago(30),
        sessionVersion: 2,
        createdAt: ago(390),
      },
    ])
    .returning({ id: users.id });
  const mechanics = [worker!.id, mechanic2!.id];

  await tx
    .insert(shopSettings)
    .values({
      shopName: 'Main Street Auto Repair',
      address: '100 Main Street, Springfield',
      currency: 'USD',
      locale: 'en-US',
      laborRateCents: 12_000,
      laborTaxBasisPoints: 0,
      partTaxBasisPoints: 825,
      feeTaxBasisPoints: 825,
      // Shown on estimates and the customer's approval page (an expired link says whom to call).
      phone: '(555) 010-4477',
      estimateTerms:
        'Prices include parts and labor as listed. Work not approved here is not done. Parts replaced are ' +
        'returned on request.',
      updatedBy: admin!.id,
    })
    .onConflictDoNothing();

  // Customers: people and businesses.
  const customerRows = Array.from({ length: 36 }, (_, index) => {
    const isBusiness = index % 4 === 3;
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const name = isBusiness ? businesses[(index >> 2) % businesses.length]! : `${first} ${last}`;
    const handle = (isBusiness ? name : `${first}.${last}`).toLowerCase().replace(/[^a-z0-9]+/g, '.');
    return {
      kind: isBusiness ? ('business' as const) : ('individual' as const),
      name,
      company: isBusiness ? name : null,
      phone: `555-${String(random.int(100, 999))}-${String(1000 + index).padStart(4, '0')}`,
      email: index % 5 === 4 ? null : `${handle}${index}@example.net`,
      address: `${random.int(1, 999)} ${random.pick(streets)}, Springfield`,
      notes: index % 6 === 0 ? 'Prefers text messages.' : null,
      archivedAt: index === 35 ? ago(20) : null,
      createdBy: index % 2 === 0 ? admin!.id : worker!.id,
      createdAt: ago(360 - index * 5),
      updatedAt: ago(360 - index * 5),
    };
  });
  const insertedCustomers = await tx.insert(customers).values(customerRows).returning({ id: customers.id });

  // Vehicles: one or two per customer, valid VINs.
  const vehicleRows = insertedCustomers.flatMap((customer, index) => {
    const count = index % 3 === 0 ? 2 : 1;
    return Array.from({ length: count }, (_, vehicleIndex) => {
      const [wmi, make, model] = random.pick(models);
      const serial = Array.from({ length: 14 }, () => random.pick([...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'])).join('');
      const vin = withCheckDigit(`${wmi}${serial}`);
      return {
        customerId: customer.id,
        vin,
        plate: `${random.pick(['ABC', 'KLM', 'XYZ', 'RTE', 'MNP'])}-${random.int(1000, 9999)}`,
        make,
        model,
        year: random.int(2008, 2025),
        color: random.pick(colors),
        odometer: random.int(8_000, 180_000),
        archivedAt: index === 5 && vehicleIndex === 1 ? ago(60) : null,
        createdAt: ago(350 - index * 5),
        updatedAt: ago(350 - index * 5),
      };
    });
  });
  const insertedVehicles = await tx
    .insert(vehicles)
    .values(vehicleRows)
    .returning({ id: vehicles.id, odometer: vehicles.odometer });
  const activeVehicles = insertedVehicles.filter((_, index) => vehicleRows[index]!.archivedAt === null);

  const year = now.getUTCFullYear();
  const [counter] = await tx
    .select({ lastNumber: invoiceCounters.lastNumber })
    .from(invoiceCounters)
    .where(eq(invoiceCounters.year, year))
    .for('update');
  let invoiceSequence = counter?.lastNumber ?? 0;
  for (const [index, plan] of plans.entries()) {
    const vehicle = activeVehicles[(index * 7) % activeVehicles.length]!;
    const [title, description] = complaints[index % complaints.length]!;
    const startedDaysAgo = plan.status === 'created' ? random.int(0, 3) : random.int(4, 120);
    const createdAt = ago(startedDaysAgo, random.int(1, 8));
    const creator = index % 3 === 0 ? worker!.id : admin!.id;
    const promisedAt = new Date(createdAt.getTime() + random.int(1, 6) * DAY);
    const [job] = await tx
      .insert(jobs)
      .values({
        vehicleId: vehicle.id,
        title,
        description,
        priority: random.pick(['low', 'normal', 'normal', 'high', 'urgent'] as const),
        odometerIn: vehicle.odometer,
        promisedAt,
        createdBy: creator,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: jobs.id });
    const jobId = job!.id;
    await tx.insert(jobStatusChanges).values({ jobId, toStatus: 'created', changedBy: creator, changedAt: createdAt });

    const assigned = index % 4 === 0 ? mechanics : [mechanics[index % 2]!];
    if (plan.status !== 'created' || index % 2 === 0) {
      await tx.insert(jobAssignments).values(
        assigned.map((workerId) => ({
          jobId,
          workerId,
          assignedBy: admin!.id,
          assignedAt: new Date(createdAt.getTime() + 600_000),
        })),
      );
    }
    if (index === 12) {
      // A mechanic who left: assigned once, unassigned later, kept for the record.
      await tx.insert(jobAssignments).values({
        jobId,
        workerId: former!.id,
        assignedBy: admin!.id,
        assignedAt: new Date(createdAt.getTime() + 300_000),
        unassignedAt: new Date(createdAt.getTime() + 900_000),
        unassignedBy: admin!.id,
      });
    }

    // Walk the job through its statuses, one history row per change.
    let at = createdAt.getTime();
    let from: JobStatus = 'created';
    let version = 1;
    for (const to of paths[plan.status]) {
      at += random.int(2, 20) * 3_600_000;
      const changedAt = new Date(Math.min(at, now.getTime() - 60_000));
      const reason = to === 'cancelled' ? 'Customer declined the estimate.' : null;
      await tx
        .update(jobs)
        .set({
          status: to,
          updatedAt: changedAt,
          version: ++version,
          completedAt: to === 'completed' ? changedAt : null,
          cancelledAt: to === 'cancelled' ? changedAt : null,
          cancelReason: reason,
        })
        .where(eq(jobs.id, jobId));
      await tx.insert(jobStatusChanges).values({
        jobId,
        fromStatus: from,
        toStatus: to,
        changedBy: to === 'cancelled' ? admin!.id : assigned[0]!,
        changedAt,
        reason,
      });
      from = to;
    }

    const noteCount = plan.status === 'created' ? index % 2 : random.int(1, 3);
    for (let noteIndex = 0; noteIndex < noteCount; noteIndex++) {
      await tx.insert(jobNotes).values({
        jobId,
        authorId: noteIndex === 0 && index % 3 === 0 ? admin!.id : assigned[noteIndex % assigned.length]!,
        body: noteTexts[(index + noteIndex) % noteTexts.length]!,
        createdAt: new Date(createdAt.getTime() + (noteIndex + 1) * 1_800_000),
      });
    }

    if (!plan.invoice) continue;
    const issuedAt = new Date(Math.min(at + 3_600_000, now.getTime() - 30_000));
    const [copy] = await tx
      .select(documentCopyColumns)
      .from(jobs)
      .innerJoin(vehicles, eq(vehicles.id, jobs.vehicleId))
      .innerJoin(customers, eq(customers.id, vehicles.customerId))
      .where(eq(jobs.id, jobId));
    const issue = async (when: Date) => {
      invoiceSequence += 1;
      const lines: { kind: InvoiceLineKind; description: string; quantity: string; unitPriceCents: number }[] = [
        {
          kind: 'labor',
          description: `Labor: ${title}`,
          quantity: String(random.int(1, 8) / 2),
          unitPriceCents: 12_000,
        },
        {
          kind: 'part',
          description: random.pick([
            'Brake pads (front)',
            'Oil filter',
            'Serpentine belt',
            'Coolant hose',
            'Battery 12V',
          ]),
          quantity: String(random.int(1, 2)),
          unitPriceCents: random.int(15, 220) * 100 + 99,
        },
        { kind: 'fee', description: 'Shop supplies', quantity: '1', unitPriceCents: 1_500 },
      ];
      const rates: Record<InvoiceLineKind, number> = { labor: 0, part: 825, fee: 825 };
      const priced = priceLines(
        lines.map((line) => ({
          quantityHundredths: quantityToHundredths(line.quantity)!,
          unitPriceCents: line.unitPriceCents,
          taxBasisPoints: rates[line.kind],
        })),
      );
      const [invoice] = await tx
        .insert(invoices)
        .values({
          jobId,
          ...copy!,
          number: formatInvoiceNumber(year, invoiceSequence),
          year,
          sequence: invoiceSequence,
          currency: 'USD',
          lineCount: lines.length,
          subtotalCents: priced.subtotalCents,
          taxCents: priced.taxCents,
          totalCents: priced.totalCents,
          issuedAt: when,
          issuedBy: admin!.id,
        })
        .returning({ id: invoices.id, totalCents: invoices.totalCents });
      await tx.insert(invoiceLines).values(
        lines.map((line, position) => ({
          invoiceId: invoice!.id,
          position: position + 1,
          kind: line.kind,
          description: line.description,
          quantity: line.quantity,
          unitPriceCents: line.unitPriceCents,
          taxRateBasisPoints: rates[line.kind],
          lineTotalCents: priced.lines[position]!.lineTotalCents,
          taxCents: priced.lines[position]!.taxCents,
          // Every other job's labor line names its first mechanic; the others are split among the assignees.
          technicianId: line.kind === 'labor' && index % 2 === 0 ? assigned[0]! : null,
        })),
      );
      return invoice!;
    };
    const pay = (invoiceId: string, amountCents: number, method: PaymentMethod, receivedAt: Date) =>
      tx.insert(payments).values({ invoiceId, amountCents, method, receivedAt, recordedBy: admin!.id });

    const invoice = await issue(issuedAt);
    const later = new Date(Math.min(issuedAt.getTime() + 2 * DAY, now.getTime() - 10_000));
    if (plan.invoice === 'partial') {
      await pay(invoice.id, Math.floor(invoice.totalCents / 2), 'card', later);
    } else if (plan.invoice === 'paid') {
      const first = Math.floor(invoice.totalCents / 3);
      await pay(invoice.id, first, 'cash', issuedAt);
      await pay(invoice.id, invoice.totalCents - first, random.pick(['card', 'bank_transfer'] as const), later);
    } else if (plan.invoice === 'void' || plan.invoice === 'void-reissued') {
      await tx
        .update(invoices)
        .set({ status: 'void', voidedAt: later, voidedBy: admin!.id, voidReason: 'Wrong part number on the invoice.' })
        .where(eq(invoices.id, invoice.id));
      if (plan.invoice === 'void-reissued') {
        const reissued = await issue(new Date(later.getTime() + 60_000));
        await pay(reissued.id, reissued.totalCents, 'bank_transfer', new Date(later.getTime() + 120_000));
      }
    }
  }

  await writeDemoParts(tx, admin!.id, worker!.id, now);
  await seedTimeClocks(tx, admin!.id, mechanics, now);

  if (invoiceSequence > (counter?.lastNumber ?? 0)) {
    await tx
      .insert(invoiceCounters)
      .values({ year, lastNumber: invoiceSequence })
      .onConflictDoUpdate({
        target: invoiceCounters.year,
        set: { lastNumber: sql`greatest(${invoiceCounters.lastNumber}, ${invoiceSequence})` },
      });
  }
}
