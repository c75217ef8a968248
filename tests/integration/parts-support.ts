// Fixtures for the parts rows of the authorization matrix and the hostile-input tests: a vendor, a stocked part
// with that default vendor, on job J a needed part and an installed one, a draft order and an ordered one.
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/db/core/actor';
import {
  addJobPart,
  adjustStock,
  createPart,
  createPurchaseOrder,
  createVendor,
  installJobPart,
  orderPurchaseOrder,
} from '@/db/parts';

export async function createPartsScene(admin: Actor, jobId: string) {
  const vendor = await createVendor(admin, { name: `Matrix Parts ${randomUUID().slice(0, 6)}` });
  const part = await createPart(admin, {
    sku: `MX-${randomUUID().slice(0, 8)}`,
    name: 'Matrix brake pads',
    unitCostCents: 2_000,
    unitPriceCents: 4_500,
    vendorId: vendor.id,
  });
  await adjustStock(admin, part.id, { quantity: '10', reason: 'Opening count' });
  const neededPart = await addJobPart(admin, jobId, { partId: part.id, quantity: '1' });
  const installedPart = await installJobPart(
    admin,
    (await addJobPart(admin, jobId, { partId: part.id, quantity: 1 })).id,
  );
  const draftOrder = await createPurchaseOrder(admin, {
    vendorId: vendor.id,
    lines: [{ partId: part.id, quantity: 2 }],
  });
  const placed = await createPurchaseOrder(admin, { vendorId: vendor.id, lines: [{ partId: part.id, quantity: 3 }] });
  const orderedOrder = await orderPurchaseOrder(admin, placed.id);
  return { vendor, part, neededPart, installedPart, draftOrder, orderedOrder };
}
