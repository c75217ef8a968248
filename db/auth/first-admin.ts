// Creating an admin without an acting user: only for the create-admin command on the operator's machine.
import { z } from 'zod';
import { getDb } from '../client';
import { conflict, fieldErrorsFromZod, invalid, isUniqueViolation } from '../core/errors';
import { hashPassword, newPasswordField } from './passwords';
import { users } from '../schema';

const input = z.object({
  email: z.string().trim().pipe(z.email('Enter a valid email address.')),
  name: z.string().trim().min(1, 'Name is required.').max(120),
  password: newPasswordField(),
});

export async function createFirstAdmin(raw: unknown): Promise<{ id: string; email: string }> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrorsFromZod(parsed.error));
  const passwordHash = await hashPassword(parsed.data.password);
  const db = await getDb();
  try {
    const [admin] = await db
      .insert(users)
      .values({ email: parsed.data.email, name: parsed.data.name, role: 'admin', passwordHash })
      .returning({ id: users.id, email: users.email });
    return admin!;
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_lower_key')) throw conflict('A user with that email already exists.');
    throw error;
  }
}
