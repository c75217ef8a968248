// First-run setup needs a shop with no users at all: this file gets a fresh database of its own (a new
// PostgreSQL database on the CI server, else its in-memory one).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { setUpShop, shopNeedsSetup } from '@/db/auth/setup';
import { signInWithPassword } from '@/db/auth/sign-in';
import { shopSettings, users } from '@/db/schema';

const serverUrl = process.env.DATABASE_URL;
const freshName = `workshop_setup_${process.pid}_${Date.now()}`;

async function onServer(statement: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (!serverUrl) return;
  await onServer(`create database ${freshName}`);
  const fresh = new URL(serverUrl);
  fresh.pathname = `/${freshName}`;
  process.env.DATABASE_URL = fresh.toString();
});

afterAll(async () => {
  await closeDb();
  if (serverUrl) {
    process.env.DATABASE_URL = serverUrl;
    await onServer(`drop database if exists ${freshName} with (force)`);
  }
});

const owner = (email: string) => ({
  shopName: 'Dana’s Garage',
  name: 'Dana Owner',
  email,
  password: 'owner-password-1',
  confirmPassword: 'owner-password-1',
});

it('a new shop is set up once: two racing submissions create exactly one admin, and then setup is gone', async () => {
  expect(await shopNeedsSetup()).toBe(true);
  const mismatch = await setUpShop({ ...owner('x@shop.example'), confirmPassword: 'other-password' }).catch(
    (error: unknown) => error,
  );
  expect(mismatch).toMatchObject({ kind: 'invalid', fieldErrors: { confirmPassword: expect.any(Array) } });
  expect(await shopNeedsSetup()).toBe(true);

  const first = `first-${randomUUID()}@shop.example`;
  const second = `second-${randomUUID()}@shop.example`;
  const outcomes = await Promise.allSettled([setUpShop(owner(first)), setUpShop(owner(second))]);
  expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
    reason: { kind: 'not_found' },
  });
  const db = await getDb();
  const admins = await db.select().from(users);
  expect(admins).toHaveLength(1);
  expect(admins[0]).toMatchObject({ role: 'admin', name: 'Dana Owner' });
  const [settings] = await db.select().from(shopSettings);
  expect(settings).toMatchObject({ shopName: 'Dana’s Garage', updatedBy: admins[0]!.id });
  expect(await signInWithPassword(admins[0]!.email, 'owner-password-1')).toMatchObject({ ok: true });

  expect(await shopNeedsSetup()).toBe(false);
  await expect(setUpShop(owner(`late-${randomUUID()}@shop.example`))).rejects.toMatchObject({ kind: 'not_found' });
  expect(await db.select().from(users)).toHaveLength(1);
});
