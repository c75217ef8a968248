import 'server-only';
import { eq } from 'drizzle-orm';
import type { Actor } from './actor';
import { getDb } from './client';
import { requireSignedIn } from './policy';
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

/** The shop's settings (name, currency, locale, rates); defaults until an admin saves them. */
export async function getShopSettings(actor: Actor | null): Promise<ShopSettingsDto> {
  requireSignedIn(actor);
  const db = await getDb();
  const [row] = await db.select().from(shopSettings).where(eq(shopSettings.id, true));
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
