// The demo shop's estimates, one job per status: draft, sent (awaiting approval), expired, approved (part, by
// link), declined (by phone), and a superseded version 1 under a version 2 draft.
import { randomBytes, createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../client';
import { estimateAuthorizations, estimateLines, estimates, jobs, users } from '../schema';

const DAY = 86_400_000;
const lines = [
  { kind: 'labor' as const, description: 'Diagnose and repair', quantity: '1.50', unitPriceCents: 9_500, tax: 950 },
  { kind: 'part' as const, description: 'Parts as quoted', quantity: '1.00', unitPriceCents: 6_000, tax: 825 },
  { kind: 'fee' as const, description: 'Shop supplies', quantity: '1.00', unitPriceCents: 1_500, tax: 0 },
];

export async function seedEstimates(tx: Transaction, now: Date): Promise<void> {
  const [admin] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = 'admin@example.com'`)
    .limit(1);
  const open = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.status, ['created', 'in_progress', 'waiting_for_parts']),
        sql`${jobs.createdBy} = ${admin!.id} and not exists (select 1 from ${estimates} where ${estimates.jobId} = ${jobs.id})`,
      ),
    )
    .orderBy(jobs.number)
    .limit(6);
  const plans = ['draft', 'sent', 'expired', 'approved', 'declined', 'superseded'] as const;
  for (const [index, job] of open.entries()) {
    const plan = plans[index]!;
    const write = async (version: number) => {
      const priced = lines.map((line) => {
        const total = Math.floor((Number(line.quantity) * 100 * line.unitPriceCents + 50) / 100);
        return { ...line, total, taxCents: Math.floor((total * line.tax + 5_000) / 10_000) };
      });
      const subtotal = priced.reduce((sum, line) => sum + line.total, 0);
      const tax = priced.reduce((sum, line) => sum + line.taxCents, 0);
      const [row] = await tx
        .insert(estimates)
        .values({
          jobId: job.id,
          version,
          currency: 'USD',
          subtotalCents: subtotal,
          taxCents: tax,
          totalCents: subtotal + tax,
          validDays: 7,
          createdBy: admin!.id,
        })
        .returning({ id: estimates.id });
      const inserted = await tx
        .insert(estimateLines)
        .values(
          priced.map((line, position) => ({
            estimateId: row!.id,
            revision: 1,
            position: position + 1,
            kind: line.kind,
            description: line.description,
            quantity: line.quantity,
            unitPriceCents: line.unitPriceCents,
            taxRateBasisPoints: line.tax,
            lineTotalCents: line.total,
            taxCents: line.taxCents,
          })),
        )
        .returning({
          id: estimateLines.id,
          total: sql<number>`${estimateLines.lineTotalCents} + ${estimateLines.taxCents}`,
        });
      return { id: row!.id, lines: inserted };
    };
    const send = async (id: string, sentAt: Date) =>
      tx
        .update(estimates)
        .set({
          status: 'sent',
          sentAt,
          sentBy: admin!.id,
          expiresAt: new Date(sentAt.getTime() + 7 * DAY),
          tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
        })
        .where(eq(estimates.id, id));
    const first = await write(1);
    if (plan === 'draft') continue;
    await send(first.id, plan === 'expired' ? new Date(now.getTime() - 10 * DAY) : new Date(now.getTime() - DAY));
    if (plan === 'approved' || plan === 'declined') {
      const approved = plan === 'approved' ? first.lines.slice(0, 2) : [];
      const total = approved.reduce((sum, line) => sum + Number(line.total), 0);
      await tx.insert(estimateAuthorizations).values({
        estimateId: first.id,
        channel: plan === 'approved' ? 'link' : 'phone',
        authorizedBy: plan === 'approved' ? 'Maria Lopez' : 'Tom Becker',
        approvedLineIds: approved.map((line) => line.id),
        approvedTotalCents: total,
        recordedBy: plan === 'approved' ? null : admin!.id,
        clientAddress: plan === 'approved' ? '203.0.113.24' : null,
        userAgent: plan === 'approved' ? 'Mozilla/5.0 (iPhone)' : null,
      });
      await tx
        .update(estimates)
        .set({ status: plan, approvedTotalCents: total })
        .where(and(eq(estimates.id, first.id)));
    }
    if (plan === 'superseded') {
      await tx.update(estimates).set({ status: 'superseded' }).where(eq(estimates.id, first.id));
      await write(2);
    }
  }
}
