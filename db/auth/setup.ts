// First-run setup: a shop with no users at all gets one screen (/setup) that names the shop and creates the
// first admin, with no acting user. It exists only while the users table is empty; two racing submissions
// serialize on an advisory lock taken inside the transaction, and the loser sees users and is refused, so
// exactly one admin is ever created this way.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '../client';
import { conflict, fieldErrorsFromZod, invalid, isUniqueViolation, notFound } from '../core/errors';
import { shopSettings, users } from '../schema';
import { hashPassword, newPasswordField } from './passwords';

// Any constant distinct from other advisory locks in this database (the first-run setup's own).
const SETUP_LOCK_KEY = 0x5e7_0001;

export const setupInput = z
  .object({
    shopName: z.string({ error: 'Shop name is required.' }).trim().min(1, 'Shop name is required.').max(120),
    name: z.string({ error: 'Your name is required.' }).trim().min(1, 'Your name is required.').max(120),
    email: z.string({ error: 'Enter a valid email address.' }).trim().pipe(z.email('Enter a valid email address.')),
    password: newPasswordField('Choose a password.'),
    confirmPassword: z.string({ error: 'Repeat the password.' }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords differ.',
  });

/** True while the shop has no users at all (first run). */
export async function shopNeedsSetup(): Promise<boolean> {
  const db = await getDb();
  const [anyone] = await db.select({ id: users.id }).from(users).limit(1);
  return !anyone;
}

/** Creates the shop settings and the first admin; `not_found` once any user exists. */
export async function setUpShop(raw: unknown): Promise<{ id: string; email: string }> {
  if (!(await shopNeedsSetup())) throw notFound('Page');
  const parsed = setupInput.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrorsFromZod(parsed.error));
  const { shopName, name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
      const [anyone] = await tx.select({ id: users.id }).from(users).limit(1);
      if (anyone) throw notFound('Page');
      const [admin] = await tx
        .insert(users)
        .values({ email, name, role: 'admin', passwordHash })
        .returning({ id: users.id, email: users.email });
      await tx
        .insert(shopSettings)
        .values({ id: true, shopName, updatedBy: admin!.id })
        .onConflictDoUpdate({
          target: shopSettings.id,
          set: { shopName, updatedBy: admin!.id, updatedAt: new Date() },
        });
      return admin!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_lower_key')) throw conflict('A user with that email already exists.');
    throw error;
  }
}
