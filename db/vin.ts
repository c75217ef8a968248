// VIN rules (ISO 3779; check digit per 49 CFR 565). Pure functions, shared by the data layer, seed and tests.

const transliteration: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Upper case, without spaces and dashes. */
export function normalizeVin(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** A 17-character VIN uses digits and letters except I, O and Q. */
export function hasValidVinCharacters(vin: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin);
}

/** Older or shorter chassis numbers: 5–16 letters and digits. */
export function isLegacyChassisNumber(vin: string): boolean {
  return /^[A-Z0-9]{5,16}$/.test(vin);
}

/** The check digit (position 9) a 17-character VIN should have: '0'–'9' or 'X'. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index++) {
    const character = vin[index]!;
    const value = /[0-9]/.test(character) ? Number(character) : (transliteration[character] ?? 0);
    sum += value * weights[index]!;
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export function hasValidVinCheckDigit(vin: string): boolean {
  return hasValidVinCharacters(vin) && vin[8] === vinCheckDigit(vin);
}

export type VinCheck =
  { ok: true; vin: string; warning: null } | { ok: true; vin: string; warning: string } | { ok: false; error: string };

/**
 * Validates a VIN for registration. A wrong check digit is only a warning (many VINs outside North America
 * don't use it); wrong characters in a 17-character VIN or an impossible length are errors.
 */
export function checkVin(raw: string): VinCheck {
  const vin = normalizeVin(raw);
  if (vin.length === 17) {
    if (!hasValidVinCharacters(vin)) {
      return { ok: false, error: 'A 17-character VIN uses only digits and letters, never I, O or Q.' };
    }
    if (!hasValidVinCheckDigit(vin)) {
      return {
        ok: true,
        vin,
        warning: `The VIN check digit (9th character) should be ${vinCheckDigit(vin)}. Check the VIN, or accept it if the vehicle is not from North America.`,
      };
    }
    return { ok: true, vin, warning: null };
  }
  if (vin.length > 17) return { ok: false, error: 'A VIN has at most 17 characters.' };
  if (!isLegacyChassisNumber(vin)) {
    return { ok: false, error: 'A chassis number has 5 to 17 letters and digits.' };
  }
  return { ok: true, vin, warning: null };
}

/** A VIN with a correct check digit, built from 16 other characters (seed and benchmark data). */
export function withCheckDigit(vinWithPlaceholder: string): string {
  const vin = normalizeVin(vinWithPlaceholder);
  const draft = vin.slice(0, 8) + '0' + vin.slice(9);
  return draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
}
