// The secret that signs sessions and API tokens: AUTH_SECRET/NEXTAUTH_SECRET when given, else one generated
// once and kept in .data/auth-secret. Read once per process; shorter than 32 characters (from either source)
// stops the start with the reason. The file is published atomically: written in full to a temporary file,
// fsynced, then linked into place (a rename that never replaces a file another process published first), so no
// process ever reads a half-written secret and racing first starts all end up with the same one.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../platform/data-dir';
import { env } from '../platform/env';

export const MIN_SECRET_LENGTH = 32;

const globalForSecret = globalThis as unknown as { workshopAuthSecret?: string };

function checked(secret: string, where: string): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `The auth secret in ${where} is ${secret.length} characters long; it must be at least ${MIN_SECRET_LENGTH}. ` +
        `Set AUTH_SECRET to a long random value (openssl rand -base64 32), or delete ${path.join(dataDir, 'auth-secret')} to have one generated.`,
    );
  }
  return secret;
}

function readSecretFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function publishNewSecret(file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const descriptor = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(descriptor, randomBytes(32).toString('base64url') + '\n');
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process published first
  } finally {
    unlinkSync(temporary);
  }
  const directory = openSync(dataDir, 'r');
  try {
    fsyncSync(directory);
  } finally {
    closeSync(directory);
  }
}

export function authSecret(): string {
  if (globalForSecret.workshopAuthSecret) return globalForSecret.workshopAuthSecret;
  const given = env().AUTH_SECRET ?? env().NEXTAUTH_SECRET;
  let secret: string;
  if (given) {
    secret = checked(given, env().AUTH_SECRET ? 'AUTH_SECRET' : 'NEXTAUTH_SECRET');
  } else {
    const file = path.join(dataDir, 'auth-secret');
    let stored = readSecretFile(file);
    if (stored === null) {
      publishNewSecret(file);
      stored = readSecretFile(file) ?? '';
    }
    secret = checked(stored, file);
  }
  globalForSecret.workshopAuthSecret = secret;
  return secret;
}
