import { describe, expect, it } from 'vitest';
import { createVehicleInput, normalisePlate, updateVehicleInput } from '@/db/vehicles';

describe('vehicle input', () => {
  it('normalises a plate: trimmed, single spaces, upper case; blank is no plate', () => {
    expect(normalisePlate('  ab  123 cd ')).toBe('AB 123 CD');
    expect(normalisePlate('xy-99')).toBe('XY-99');
    expect(normalisePlate('   ')).toBeNull();
    expect(normalisePlate(null)).toBeNull();
  });

  it('takes numbers from form text and keeps the year between 1900 and next year', () => {
    const customerId = '3f0e2a4c-8d1b-4c5e-9f7a-1b2c3d4e5f60';
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(
      createVehicleInput.parse({ customerId, make: 'Kia', model: 'Rio', year: '2015', odometer: '1200' }),
    ).toMatchObject({
      year: 2015,
      odometer: 1200,
    });
    expect(createVehicleInput.safeParse({ customerId, make: 'Kia', model: 'Rio', year: nextYear }).success).toBe(true);
    expect(createVehicleInput.safeParse({ customerId, make: 'Kia', model: 'Rio', year: nextYear + 1 }).success).toBe(
      false,
    );
    expect(createVehicleInput.safeParse({ customerId, make: 'Kia', model: 'Rio', year: 1899 }).success).toBe(false);
    expect(updateVehicleInput.parse({ year: null, odometer: null })).toEqual({ year: null, odometer: null });
  });
});
