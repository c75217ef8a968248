// ./.data/ holds what the app makes for itself on a bare machine: the embedded database and the auth secret.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from './env';

export const dataDir = path.join(process.cwd(), '.data');

/** The auth secret: AUTH_SECRET/NEXTAUTH_SECRET when given, else one generated once and kept in .data/. */
export function authSecret(): string {
  const given = env().AUTH_SECRET ?? env().NEXTAUTH_SECRET;
  if (given) return given;
  const file = path.join(dataDir, 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      writeFileSync(file, secret + '\n', { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return readFileSync(file, 'utf8').trim();
    }
  }
}
