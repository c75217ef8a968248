import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { createCustomerInput, phoneDigits, updateCustomerInput } from '@/db/customers';
import { decodeCursor, encodeCursor } from '@/db/core/cursor';
import { normaliseInput } from '@/db/core/input';
import { jobForm, vehicleForm } from '@/app/_lib/form-inputs';
import { DomainError } from '@/db/core/errors';
import { escapeLike, isShortSearch, matchesWordStarts, searchKey } from '@/db/core/search';

describe('customer form input', () => {
  it('turns blank form fields into null and checkbox words into booleans', () => {
    expect(normaliseInput({ name: 'Ann', company: '  ' })).toEqual({ name: 'Ann', company: null });
    expect(vehicleForm({ vin: 'X', acceptVinWarning: 'on' }).input).toEqual({ vin: 'X', acceptVinWarning: true });
    expect(jobForm({ title: 'T', confirmLowerOdometer: 'false' }).input).toEqual({
      title: 'T',
      confirmLowerOdometer: false,
    });
    expect(normaliseInput({ q: '', cursor: ' ', limit: '10' }, { blank: 'drop' })).toEqual({ limit: '10' });
  });

  it('defaults a new customer to an individual, and an edit changes only what is sent', () => {
    expect(createCustomerInput.parse({ name: ' Ann Lee ' })).toEqual({ kind: 'individual', name: 'Ann Lee' });
    expect(updateCustomerInput.parse({ phone: null })).toEqual({ phone: null });
    expect(updateCustomerInput.safeParse({ email: 'nope' }).success).toBe(false);
    expect(createCustomerInput.safeParse({ name: 'Ann', phone: 'call me' }).success).toBe(false);
  });
});

describe('customer search keys', () => {
  it('compares phone numbers by digits and plates by letters and digits', () => {
    expect(phoneDigits('+1 (555) 010-2030')).toBe('15550102030');
    expect(searchKey(' ab-12 c ')).toBe('AB12C');
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });

  it('matches a text without three letters or digits in a row by the start of words, with nothing of it as query syntax', () => {
    expect(['x', 'Xu', 'j s', 'ab-12', "o'b", 'Ö1', '--'].filter(isShortSearch)).toEqual([
      'x',
      'Xu',
      'j s',
      'ab-12',
      "o'b",
      'Ö1',
      '--',
    ]);
    expect(['whit', 'abc', '555', 'Müll', 'a-bcd'].some(isShortSearch)).toBe(false);
    const dialect = new PgDialect();
    const words = sql`words`;
    expect(dialect.sqlToQuery(matchesWordStarts(words, 'Xu'))).toMatchObject({
      sql: "words @@ to_tsquery('simple', $1)",
      params: ['xu:*'],
    });
    expect(dialect.sqlToQuery(matchesWordStarts(words, "J. O'B & !")).params).toEqual(['j:* & o:* & b:*']);
    expect(dialect.sqlToQuery(matchesWordStarts(words, 'Ö1')).params).toEqual(['ö1:*']);
    expect(dialect.sqlToQuery(matchesWordStarts(words, '-- !')).sql).toBe('false');
  });

  it('round-trips a paging cursor and refuses a forged one', () => {
    const id = '3f0e2a4c-8d1b-4c5e-9f7a-1b2c3d4e5f60';
    expect(decodeCursor(encodeCursor(['smith', id]), ['text', 'uuid'])).toEqual(['smith', id]);
    expect(() => decodeCursor('garbage', ['text', 'uuid'])).toThrow(DomainError);
    expect(() => decodeCursor(encodeCursor(['smith', 'not-an-id']), ['text', 'uuid'])).toThrow(DomainError);
    expect(() => decodeCursor(encodeCursor(['smith', id]), ['text', 'text', 'uuid'])).toThrow(DomainError);
  });
});
