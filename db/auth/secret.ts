// The secret that signs sessions and API tokens: AUTH_SECRET/NEXTAUTH_SECRET when given, else one generated
// once and kept in .data/auth-secret.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../platform/data-dir';
import { env } from '../platform/env';

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
