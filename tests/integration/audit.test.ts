import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { postgresError } from '@/db/core/errors';
import { runWithRequestContext } from '@/db/platform/audit-context';
import { auditEvents, customers, users } from '@/db/schema';
import { createUser } from './support';

it('records who changed what, from where, in the same transaction as the change', async () => {
  const db = await getDb();
  const admin = await createUser('admin');
  const customer = await runWithRequestContext({ actorId: admin.id, origin: 'api' }, () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(customers)
        .values({ name: 'Audit Person', phone: '555-0100', createdBy: admin.id })
        .returning();
      await tx.update(customers).set({ phone: '555-0199', updatedAt: new Date() }).where(eq(customers.id, row!.id));
      return row!;
    }),
  );
  const events = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'customers'), eq(auditEvents.entityId, customer.id)))
    .orderBy(auditEvents.id);
  expect(events.map((event) => event.action)).toEqual(['insert', 'update']);
  expect(events.every((event) => event.actorId === admin.id && event.origin === 'api')).toBe(true);
  expect(events[1]!.before).toEqual({ phone: '555-0100' });
  expect(events[1]!.after).toEqual({ phone: '555-0199' });
});

it('writes nothing to the trail when the change is rolled back', async () => {
  const db = await getDb();
  const admin = await createUser('admin');
  const name = `Rolled back ${randomUUID()}`;
  await expect(
    db.transaction(async (tx) => {
      await tx.insert(customers).values({ name, createdBy: admin.id });
      throw new Error('abort');
    }),
  ).rejects.toThrow('abort');
  const [{ count }] = (await db
    .select({ count: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(sql`${auditEvents.after} ->> 'name' = ${name}`)) as [{ count: number }];
  expect(count).toBe(0);
});

it('never copies password hashes, and cannot itself be edited or deleted', async () => {
  const db = await getDb();
  const worker = await createUser('worker');
  await db.transaction((tx) => tx.update(users).set({ passwordHash: 'new-hash-value' }).where(eq(users.id, worker.id)));
  const [event] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'users'), eq(auditEvents.entityId, worker.id)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  expect(JSON.stringify(event)).not.toContain('new-hash-value');
  expect(event!.after).toEqual({ password_hash: '[changed]' });

  const refused = async (work: () => Promise<unknown>) =>
    work().then(
      () => 'no error',
      (error) => postgresError(error)?.code,
    );
  expect(await refused(() => db.update(auditEvents).set({ entity: 'x' }).where(eq(auditEvents.id, event!.id)))).toBe(
    '23001',
  );
  expect(await refused(() => db.delete(auditEvents).where(eq(auditEvents.id, event!.id)))).toBe('23001');
});

it('lets an admin browse the trail by entity and by user, and refuses a worker', async () => {
  const { listAuditEvents } = await import('@/db/audit');
  const db = await getDb();
  const admin = await createUser('admin');
  const worker = await createUser('worker');
  const customer = await runWithRequestContext({ actorId: worker.id, origin: 'ui' }, () =>
    db.transaction(
      async (tx) => (await tx.insert(customers).values({ name: 'Browsed', createdBy: worker.id }).returning())[0]!,
    ),
  );
  const byEntity = await listAuditEvents(admin, { entity: 'customers', entityId: customer.id });
  expect(byEntity.data).toHaveLength(1);
  expect(byEntity.data[0]).toMatchObject({
    actorId: worker.id,
    actorName: worker.name,
    origin: 'ui',
    action: 'insert',
  });
  const byUser = await listAuditEvents(admin, { actorId: worker.id, limit: 1 });
  expect(byUser.data[0]!.entityId).toBe(customer.id);
  await expect(listAuditEvents(worker, {})).rejects.toMatchObject({ kind: 'forbidden' });
  await expect(listAuditEvents(admin, { entity: 'nonsense' })).rejects.toMatchObject({ kind: 'invalid' });
});
