import { z } from 'zod';
import { invalid } from '../core/errors';
import { optionalText, requiredText, uuidField } from '../core/input';
import { checkVin } from '../vin';

export const MIN_VEHICLE_YEAR = 1900;
export const MAX_ODOMETER = 10_000_000;

const vehicleFields = {
  customerId: uuidField('Choose the customer the vehicle belongs to.'),
  vin: optionalText('VIN', 40),
  plate: optionalText('Plate', 20),
  make: requiredText('Make', 80),
  model: requiredText('Model', 80),
  year: z.coerce
    .number({ error: 'Year must be a whole number.' })
    .int('Year must be a whole number.')
    .min(MIN_VEHICLE_YEAR, `Year must be ${MIN_VEHICLE_YEAR} or later.`)
    .refine((year) => year <= new Date().getUTCFullYear() + 1, 'Year cannot be later than next year.')
    .nullable()
    .optional(),
  color: optionalText('Color', 40),
  odometer: z.coerce
    .number({ error: 'Odometer must be a whole number.' })
    .int('Odometer must be a whole number.')
    .min(0, 'Odometer cannot be negative.')
    .max(MAX_ODOMETER, 'Odometer reading is too large.')
    .nullable()
    .optional(),
  /** Save a 17-character VIN whose check digit (position 9) does not match. */
  acceptVinWarning: z.boolean({ error: 'acceptVinWarning must be true or false.' }).optional(),
};

export const createVehicleInput = z.object(vehicleFields);

/** Changes to a vehicle: a field left out stays; null or "" clears an optional one. customerId moves it. */
export const updateVehicleInput = z.object(vehicleFields).partial();

export const listVehiclesInput = z.object({
  customerId: uuidField('Invalid customer id.').optional(),
  q: z.string().trim().max(100, 'Search must be at most 100 characters.').optional(),
  includeArchived: z.boolean().default(false),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(1000).optional(),
});

/** Trimmed, inner spaces collapsed, upper case; null when empty. */
export function normalisePlate(plate: string | null | undefined): string | null {
  const normalised = (plate ?? '').trim().replace(/\s+/g, ' ').toUpperCase();
  return normalised === '' ? null : normalised;
}

/** The VIN to store (or null), or an `invalid` refusal on `vin` (errors, and warnings not accepted). */
export function resolveVin(raw: string | null | undefined, acceptWarning: boolean): string | null {
  if (!raw) return null;
  const result = checkVin(raw);
  if (!result.ok) throw invalid({ vin: [result.error] });
  if (result.warning && !acceptWarning) {
    throw invalid(
      {
        vin: [result.warning],
        acceptVinWarning: ['Tick "Accept VIN warning" to save this VIN anyway.'],
      },
      result.warning,
    );
  }
  return result.vin;
}

export function vinWarningOf(vin: string | null): string | null {
  if (!vin) return null;
  const result = checkVin(vin);
  return result.ok ? result.warning : null;
}
