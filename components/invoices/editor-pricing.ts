import type { ShopSettingsDto } from '@/db/settings';

/** What the line editor prices with, from the shop settings: labor rate, tax per line kind, currency and locale. */
export function editorPricing(settings: ShopSettingsDto) {
  return {
    laborRateCents: settings.laborRateCents,
    taxRates: {
      labor: settings.laborTaxBasisPoints,
      part: settings.partTaxBasisPoints,
      fee: settings.feeTaxBasisPoints,
    },
    money: { currency: settings.currency, locale: settings.locale },
  };
}
