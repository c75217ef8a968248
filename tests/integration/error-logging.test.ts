// Issue 13, item 11: an unexpected database error reaches neither the client nor the log with its text. The test
// makes PostgreSQL fail the insert of one user (a trigger raising an internal error), so the failed statement is an
// insert whose parameters hold the new user's email and password hash; the API answer and the action result are
// generic, and the log line names the SQLSTATE code and a request id, never the SQL or a parameter.
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as usersRoute from '@/app/api/v1/users/route';
import { actionError } from '@/app/_lib/action';
import { getDb } from '@/db/client';
import { createUser as createUserAsAdmin } from '@/db/users';
import { callRoute, tokenFor } from './api-support';
import { createUser } from './support';

const doomed = `Doomed ${randomUUID().slice(0, 8)}`;
const password = 'hunter2-secret-pass';

beforeAll(async () => {
  const db = await getDb();
  await db.execute(
    sql.raw(`create or replace function test_fail_doomed_user() returns trigger language plpgsql as $$
      begin
        if new.name = '${doomed}' then raise exception 'disk on fire near %', new.password_hash using errcode = 'XX000'; end if;
        return new;
      end $$`),
  );
  await db.execute(
    sql.raw(
      `create trigger test_fail_doomed_user before insert on users for each row execute function test_fail_doomed_user()`,
    ),
  );
});

afterAll(async () => {
  const db = await getDb();
  await db.execute(sql.raw('drop trigger if exists test_fail_doomed_user on users'));
  await db.execute(sql.raw('drop function if exists test_fail_doomed_user()'));
});

function captureLog() {
  const lines: string[] = [];
  const record = (...args: unknown[]) => {
    lines.push(
      args.map((arg) => (arg instanceof Error ? `${arg.stack} ${JSON.stringify(arg)}` : String(arg))).join(' '),
    );
  };
  const error = vi.spyOn(console, 'error').mockImplementation(record);
  const warn = vi.spyOn(console, 'warn').mockImplementation(record);
  return {
    text: () => lines.join('\n'),
    restore: () => {
      error.mockRestore();
      warn.mockRestore();
    },
  };
}

const leaks = [/argon2/i, /insert into/i, /params:/i, /hunter2/, /@test\.example/, /disk on fire/, /password_hash/];

describe('an unexpected database error is logged without its values and answered without its text', () => {
  it('creating a user through the API when the database fails answers a generic 500 and logs only the code', async () => {
    const admin = await createUser('admin');
    const token = await tokenFor(admin);
    const log = captureLog();
    let answer;
    try {
      answer = await callRoute(usersRoute, 'POST', '/api/v1/users', {
        token,
        json: { name: doomed, email: `doomed-${randomUUID()}@test.example`, role: 'worker', password },
      });
    } finally {
      log.restore();
    }
    expect(answer.status).toBe(500);
    const body = JSON.stringify(answer.body);
    const requestId = answer.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toContain(requestId);
    for (const leak of leaks) expect(body).not.toMatch(leak);
    expect(log.text()).toContain(`request ${requestId}`);
    expect(log.text()).toContain('code=XX000');
    for (const leak of leaks) expect(log.text()).not.toMatch(leak);
  });

  it('the same failure in a screen action is a generic message and a clean log line', async () => {
    const admin = await createUser('admin');
    const log = captureLog();
    let result;
    try {
      const failure = await createUserAsAdmin(admin, {
        name: doomed,
        email: `doomed-${randomUUID()}@test.example`,
        role: 'worker',
        password,
      }).catch((error: unknown) => error);
      result = actionError(failure);
    } finally {
      log.restore();
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('error');
    for (const leak of leaks) expect(result.message).not.toMatch(leak);
    expect(log.text()).toContain('code=XX000');
    for (const leak of leaks) expect(log.text()).not.toMatch(leak);
  });

  it('the error a page would throw carries no parameters or SQL in its message, stack or cause', async () => {
    const admin = await createUser('admin');
    const failure = (await createUserAsAdmin(admin, {
      name: doomed,
      email: `doomed-${randomUUID()}@test.example`,
      role: 'worker',
      password,
    }).catch((error: unknown) => error)) as Error & { cause?: Record<string, unknown> };
    // What Next prints for an error a page throws: util.inspect, causes included.
    const printed = `${inspect(failure, { depth: 5 })}\n${JSON.stringify(failure)}`;
    expect(printed).toContain('XX000');
    for (const leak of [...leaks, /\$argon/]) {
      expect(printed).not.toMatch(leak);
    }
  });
});
