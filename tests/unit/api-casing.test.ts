import { describe, expect, it } from 'vitest';
import {
  camelToSnake,
  fieldErrorsToSnake,
  jsonSchemaToSnake,
  keysToCamel,
  pathToSnake,
  snakeToCamel,
  toApiJson,
} from '@/app/api/v1/_lib/casing';

describe('snake_case ⇄ camelCase for the API', () => {
  it('turns field names both ways', () => {
    expect(camelToSnake('unitPriceCents')).toBe('unit_price_cents');
    expect(camelToSnake('odometerIn')).toBe('odometer_in');
    expect(camelToSnake('vin')).toBe('vin');
    expect(camelToSnake('line2Total')).toBe('line2_total');
    expect(camelToSnake('already_snake')).toBe('already_snake');
    expect(camelToSnake('_form')).toBe('_form');
    expect(snakeToCamel('unit_price_cents')).toBe('unitPriceCents');
    expect(snakeToCamel('include_archived')).toBe('includeArchived');
    expect(snakeToCamel('accept_vin_warning')).toBe('acceptVinWarning');
    expect(snakeToCamel('alreadyCamel')).toBe('alreadyCamel');
    expect(snakeToCamel('_form')).toBe('_form');
  });

  it('converts a request body deeply, including lines of an invoice', () => {
    expect(
      keysToCamel({ vehicle_id: 'v1', lines: [{ unit_price_cents: 1250, kind: 'part' }], meta: null, tags: ['a_b'] }),
    ).toEqual({ vehicleId: 'v1', lines: [{ unitPriceCents: 1250, kind: 'part' }], meta: null, tags: ['a_b'] });
  });

  it('answers DTOs in snake_case with UTC ISO timestamps, dropping undefined', () => {
    const createdAt = new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 10));
    expect(
      toApiJson({
        data: [
          { totalCents: 1000, createdAt, deactivatedAt: null, paidAt: undefined, customer: { displayName: 'Ann' } },
        ],
        nextCursor: null,
      }),
    ).toEqual({
      data: [
        {
          total_cents: 1000,
          created_at: '2024-05-06T07:08:09.010Z',
          deactivated_at: null,
          customer: { display_name: 'Ann' },
        },
      ],
      next_cursor: null,
    });
  });

  it('names field errors by the caller’s snake_case paths, nested ones too', () => {
    expect(pathToSnake('lines.0.unitPriceCents')).toBe('lines.0.unit_price_cents');
    expect(
      fieldErrorsToSnake({
        email: ['Enter a valid email address.'],
        'lines.1.unitPriceCents': ['Too small.'],
        _form: ['x'],
      }),
    ).toEqual({ email: ['Enter a valid email address.'], 'lines.1.unit_price_cents': ['Too small.'], _form: ['x'] });
  });

  it('renames JSON Schema properties and required lists, leaving enum and default values alone', () => {
    expect(
      jsonSchemaToSnake({
        type: 'object',
        properties: {
          customerId: { type: 'string' },
          kind: { type: 'string', enum: ['someValue'], default: 'someValue' },
          lines: {
            type: 'array',
            items: {
              type: 'object',
              properties: { unitPriceCents: { type: 'integer' } },
              required: ['unitPriceCents'],
            },
          },
        },
        required: ['customerId'],
      }),
    ).toEqual({
      type: 'object',
      properties: {
        customer_id: { type: 'string' },
        kind: { type: 'string', enum: ['someValue'], default: 'someValue' },
        lines: {
          type: 'array',
          items: {
            type: 'object',
            properties: { unit_price_cents: { type: 'integer' } },
            required: ['unit_price_cents'],
          },
        },
      },
      required: ['customer_id'],
    });
  });
});
