import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from './core/actor';
import { getDb, preparedRead } from './client';
import { parse } from './core/input';
import { MAX_UNIT_PRICE_CENTS } from './money';
import { requireAdmin, requireSignedIn } from './core/policy';
import { shopSettings } from './schema';

export type ShopSettingsDto = {
  shopName: string;
  address: string | null;
  currency: string;
  locale: string;
  laborRateCents: number;
  laborTaxBasisPoints: number;
  partTaxBasisPoints: number;
  feeTaxBasisPoints: number;
  phone: string | null;
  /** Estimates: days an approval link lives, % an invoice may exceed the approved total, the customer's terms. */
  estimateValidDays: number;
  approvalTolerancePercent: number;
  estimateTerms: string | null;
};

const defaults: ShopSettingsDto = {
  shopName: 'Workshop',
  address: null,
  currency: 'USD',
  locale: 'en-US',
  laborRateCents: 0,
  laborTaxBasisPoints: 0,
  partTaxBasisPoints: 0,
  feeTaxBasisPoints: 0,
  phone: null,
  estimateValidDays: 7,
  approvalTolerancePercent: 10,
  estimateTerms: null,
};

// Read by most pages and by every invoice issued.
const settingsRow = preparedRead((db) =>
  db.select().from(shopSettings).where(eq(shopSettings.id, true)).prepare('shop_settings'),
);

/** The shop's settings (name, currency, locale, rates); defaults until an admin saves them. */
export async function getShopSettings(actor: Actor | null): Promise<ShopSettingsDto> {
  requireSignedIn(actor);
  return readShopSettings();
}

/** The settings without a signed-in actor: for the public approval page (db/estimates/public.ts) only. */
export async function readShopSettings(): Promise<ShopSettingsDto> {
  const [row] = await settingsRow(await getDb()).execute();
  if (!row) return defaults;
  return {
    shopName: row.shopName,
    address: row.address,
    currency: row.currency,
    locale: row.locale,
    laborRateCents: row.laborRateCents,
    laborTaxBasisPoints: row.laborTaxBasisPoints,
    partTaxBasisPoints: row.partTaxBasisPoints,
    feeTaxBasisPoints: row.feeTaxBasisPoints,
    phone: row.phone,
    estimateValidDays: row.estimateValidDays,
    approvalTolerancePercent: row.approvalTolerancePercent,
    estimateTerms: row.estimateTerms,
  };
}

// ------------------------------------------------------------------------------------- admin: write

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

const basisPointsSchema = z.coerce
  .number({ error: 'Enter a tax rate.' })
  .int('Tax rate in basis points must be a whole number.')
  .min(0, 'A tax rate cannot be negative.')
  .max(10_000, 'A tax rate is at most 100%.');

/**
 * Every key is optional: what is left out keeps its current value. Tax rates in basis points, the labor rate in
 * cents (the form's percentages and amounts are converted in app/_lib/form-inputs.ts). `address: ""` clears it.
 */
export const updateShopSettingsInput = z.object({
  shopName: z
    .string({ error: 'Shop name is required.' })
    .trim()
    .min(1, 'Shop name is required.')
    .max(120, 'Shop name must be at most 120 characters.')
    .optional(),
  address: z.string().trim().max(500, 'Address must be at most 500 characters.').nullable().optional(),
  currency: z
    .string({ error: 'Currency is required.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'Currency is a 3-letter code such as USD or EUR.')
    .refine((code) => knownCurrencies.has(code), 'Unknown currency code.')
    .optional(),
  locale: z
    .string({ error: 'Locale is required.' })
    .trim()
    .min(2, 'Locale is a language tag such as en-US or de-DE.')
    .max(35, 'Locale is a language tag such as en-US or de-DE.')
    .refine((tag) => canonicalLocale(tag) !== null, 'Locale is a language tag such as en-US or de-DE.')
    .optional(),
  laborRateCents: z.coerce
    .number({ error: 'Enter the default labor rate.' })
    .int('Labor rate must be a whole number of cents.')
    .min(0, 'Labor rate cannot be negative.')
    .max(MAX_UNIT_PRICE_CENTS, 'Labor rate is too large.')
    .optional(),
  laborTaxBasisPoints: basisPointsSchema.optional(),
  partTaxBasisPoints: basisPointsSchema.optional(),
  feeTaxBasisPoints: basisPointsSchema.optional(),
  phone: z.string().trim().max(40, 'Phone must be at most 40 characters.').nullable().optional(),
  estimateValidDays: z.coerce
    .number({ error: 'Enter how many days an estimate link is valid.' })
    .int('Days must be a whole number.')
    .min(1, 'An estimate link is valid for at least 1 day.')
    .max(365, 'An estimate link is valid for at most 365 days.')
    .optional(),
  approvalTolerancePercent: z.coerce
    .number({ error: 'Enter the approval tolerance in percent.' })
    .int('Tolerance must be a whole percent.')
    .min(0, 'Tolerance cannot be negative.')
    .max(100, 'Tolerance is at most 100%.')
    .optional(),
  estimateTerms: z.string().trim().max(5000, 'Terms must be at most 5000 characters.').nullable().optional(),
});

function canonicalLocale(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical) return null;
    new Intl.NumberFormat(canonical);
    return canonical;
  } catch {
    return null;
  }
}

/** Saves the shop settings (admin only): the single settings row is created on first save, updated after. */
export async function updateShopSettings(actor: Actor | null, input: unknown): Promise<ShopSettingsDto> {
  const admin = requireAdmin(actor);
  const data = parse(updateShopSettingsInput, input);
  const current = await getShopSettings(admin);
  const next: ShopSettingsDto = {
    shopName: data.shopName ?? current.shopName,
    address:
      data.address === undefined ? current.address : data.address === null || data.address === '' ? null : data.address,
    currency: data.currency ?? current.currency,
    locale: data.locale ? canonicalLocale(data.locale)! : current.locale,
    laborRateCents: data.laborRateCents ?? current.laborRateCents,
    laborTaxBasisPoints: data.laborTaxBasisPoints ?? current.laborTaxBasisPoints,
    partTaxBasisPoints: data.partTaxBasisPoints ?? current.partTaxBasisPoints,
    feeTaxBasisPoints: data.feeTaxBasisPoints ?? current.feeTaxBasisPoints,
    phone: data.phone === undefined ? current.phone : data.phone || null,
    estimateValidDays: data.estimateValidDays ?? current.estimateValidDays,
    approvalTolerancePercent: data.approvalTolerancePercent ?? current.approvalTolerancePercent,
    estimateTerms: data.estimateTerms === undefined ? current.estimateTerms : data.estimateTerms || null,
  };
  const db = await getDb();
  const values = { ...next, updatedAt: new Date(), updatedBy: admin.id };
  await db.transaction((tx) =>
    tx
      .insert(shopSettings)
      .values({ id: true, ...values })
      .onConflictDoUpdate({ target: shopSettings.id, set: values }),
  );
  return next;
}
