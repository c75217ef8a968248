import { describe, expect, it } from 'vitest';
import { checkVin, hasValidVinCheckDigit, normalizeVin, vinCheckDigit, withCheckDigit } from '@/db/vin';

describe('VIN check', () => {
  it('accepts a VIN with a correct check digit (49 CFR 565 example)', () => {
    expect(vinCheckDigit('11111111111111111')).toBe('1');
    expect(hasValidVinCheckDigit('1M8GDM9AXKP042788')).toBe(true);
    expect(checkVin('1m8gdm9a-xkp042788')).toEqual({ ok: true, vin: '1M8GDM9AXKP042788', warning: null });
  });

  it('only warns about a wrong check digit', () => {
    const result = checkVin('1M8GDM9A1KP042788');
    expect(result.ok).toBe(true);
    expect(result.ok && result.warning).toContain('should be X');
  });

  it('refuses I, O and Q in a 17-character VIN, and over-long ones', () => {
    expect(checkVin('1M8GDM9AXKP04278O')).toMatchObject({ ok: false });
    expect(checkVin('1M8GDM9AXKP0427880')).toMatchObject({ ok: false });
  });

  it('allows older and shorter chassis numbers', () => {
    expect(checkVin('ab 12345')).toEqual({ ok: true, vin: 'AB12345', warning: null });
    expect(checkVin('123')).toMatchObject({ ok: false });
  });

  it('builds VINs with valid check digits', () => {
    const vin = withCheckDigit('1HGCM82603A004352');
    expect(vin).toBe('1HGCM82633A004352');
    expect(hasValidVinCheckDigit(vin)).toBe(true);
    expect(normalizeVin(' 1hg-cm8 ')).toBe('1HGCM8');
  });
});
