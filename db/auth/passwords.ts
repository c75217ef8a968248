// argon2id with the OWASP parameters (19 MiB, 2 iterations, 1 lane), through the bounded queue in
// password-queue.ts. Passwords are never logged or returned.
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { withPasswordSlot } from './password-queue';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, which isolated modules cannot import)
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** A new password within the length limits; `required` is the error when it is missing or not text. */
export const newPasswordField = (required?: string) =>
  z
    .string(required === undefined ? undefined : { error: required })
    .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`);

/** Throws `unavailable` when too many hashes are already queued. */
export function hashPassword(password: string): Promise<string> {
  return withPasswordSlot(() => hash(password, options));
}

// Compared against when the email is unknown, so a wrong email takes as long as a wrong password (same
// parameters as `options`; a constant, so it costs no hash of its own).
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$lmvDyHLEsto087hQBMekRQ$HkBaYe+4smqECVeMSCzQBeEl3N2gE/R+NGhPNftGQPI';

/** Throws `unavailable` when too many hashes are already queued; any other failure is a mismatch. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  return withPasswordSlot(async () => {
    try {
      const matches = await verify(passwordHash ?? DUMMY_HASH, password);
      return matches && passwordHash !== null;
    } catch {
      return false;
    }
  });
}
