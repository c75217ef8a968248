import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from './core/actor';
import { getDb, preparedRead } from './client';
import { fieldErrorsFromZod, invalid } from './core/errors';
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
};

// Read by most pages and by every invoice issued.
const settingsRow = preparedRead((db) =>
  db.select().from(shopSettings).where(eq(shopSettings.id, true)).prepare('shop_settings'),
);

/** The shop's settings (name, currency, locale, rates); defaults until an admin saves them. */
export async function getShopSettings(actor: Actor | null): Promise<ShopSettingsDto> {
  requireSignedIn(actor);
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
  };
}

// ------------------------------------------------------------------------------------- admin: write

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** "8.25" → 825 basis points; null when not a percentage from 0 to 100 with at most two decimals. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return basisPoints <= 10_000 ? basisPoints : null;
}

/** "120.50" → 12050 cents; null when not an amount with at most two decimals. */
function amountToCents(text: string): number | null {
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const basisPointsSchema = z.coerce
  .number({ error: 'Enter a tax rate.' })
  .int('Tax rate in basis points must be a whole number.')
  .min(0, 'A tax rate cannot be negative.')
  .max(10_000, 'A tax rate is at most 100%.');

const percentSchema = z
  .string()
  .trim()
  .refine((text) => percentToBasisPoints(text) !== null, 'Enter a percentage from 0 to 100 with at most two decimals.');

/**
 * Every key is optional: what is left out keeps its current value. Tax rates come as basis points
 * (`laborTaxBasisPoints`) or, from the form, as percentages (`laborTaxPercent: "8.25"`); the labor rate as cents
 * (`laborRateCents`) or as an amount (`laborRate: "120.00"`). `address: ""` clears the address.
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
  laborRate: z
    .string()
    .trim()
    .refine((text) => {
      const cents = amountToCents(text);
      return cents !== null && cents <= MAX_UNIT_PRICE_CENTS;
    }, 'Enter the labor rate as an amount like 120.00.')
    .optional(),
  laborTaxBasisPoints: basisPointsSchema.optional(),
  partTaxBasisPoints: basisPointsSchema.optional(),
  feeTaxBasisPoints: basisPointsSchema.optional(),
  laborTaxPercent: percentSchema.optional(),
  partTaxPercent: percentSchema.optional(),
  feeTaxPercent: percentSchema.optional(),
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
  const parsed = updateShopSettingsInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsFromZod(parsed.error));
  const data = parsed.data;
  const current = await getShopSettings(admin);
  const next: ShopSettingsDto = {
    shopName: data.shopName ?? current.shopName,
    address:
      data.address === undefined ? current.address : data.address === null || data.address === '' ? null : data.address,
    currency: data.currency ?? current.currency,
    locale: data.locale ? canonicalLocale(data.locale)! : current.locale,
    laborRateCents:
      data.laborRateCents ?? (data.laborRate !== undefined ? amountToCents(data.laborRate)! : current.laborRateCents),
    laborTaxBasisPoints: data.laborTaxBasisPoints ?? fromPercent(data.laborTaxPercent) ?? current.laborTaxBasisPoints,
    partTaxBasisPoints: data.partTaxBasisPoints ?? fromPercent(data.partTaxPercent) ?? current.partTaxBasisPoints,
    feeTaxBasisPoints: data.feeTaxBasisPoints ?? fromPercent(data.feeTaxPercent) ?? current.feeTaxBasisPoints,
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

function fromPercent(text: string | undefined): number | undefined {
  return text === undefined ? undefined : percentToBasisPoints(text)!;
}
