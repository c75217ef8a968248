// The parts API as a client sees it: snake_case fields, quantities as decimal text, 201 drafts, 409 refusals.
import { describe, expect, it } from 'vitest';
import * as jobPartsRoute from '@/app/api/v1/jobs/[id]/parts/route';
import * as partRoute from '@/app/api/v1/parts/[id]/route';
import * as receiveRoute from '@/app/api/v1/purchase-orders/[id]/receive/route';
import * as purchaseOrdersRoute from '@/app/api/v1/purchase-orders/route';
import * as installRoute from '@/app/api/v1/job-parts/[id]/install/route';
import { orderPurchaseOrder } from '@/db/parts';
import { callRoute, tokenFor } from './api-support';
import { createPartsScene } from './parts-support';
import { createWorkshopScene } from './support';

async function scene() {
  const workshop = await createWorkshopScene();
  const parts = await createPartsScene(workshop.people.admin, workshop.job.id);
  return { ...workshop, parts, token: await tokenFor(workshop.people.admin) };
}

describe('the parts API', () => {
  it('answers a part with its stock as decimal text', async () => {
    const s = await scene();
    const answer = await callRoute(partRoute, 'GET', `/api/v1/parts/${s.parts.part.id}`, {
      token: s.token,
      params: { id: s.parts.part.id },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      on_hand: '9.00',
      reserved: '1.00',
      available: '8.00',
      on_order: '3.00',
      reorder_point: '0.00',
      vendor_id: s.parts.vendor.id,
      archived: false,
    });
  });

  it('drafts a purchase order with 201, and receiving more than is outstanding is 409', async () => {
    const s = await scene();
    const created = await callRoute(purchaseOrdersRoute, 'POST', '/api/v1/purchase-orders', {
      token: s.token,
      json: {
        vendor_id: s.parts.vendor.id,
        lines: [{ part_id: s.parts.part.id, quantity: '2.5', unit_cost_cents: 1_500 }],
      },
    });
    expect(created.status).toBe(201);
    const order = created.body as {
      id: string;
      status: string;
      number: string;
      lines: { id: string; quantity: string }[];
    };
    expect(order).toMatchObject({ status: 'draft', lines: [{ quantity: '2.50' }] });
    expect(order.number).toMatch(/^PO-\d{6}$/);
    await orderPurchaseOrder(s.people.admin, order.id);
    const over = await callRoute(receiveRoute, 'POST', `/api/v1/purchase-orders/${order.id}/receive`, {
      token: s.token,
      params: { id: order.id },
      json: { lines: [{ line_id: order.lines[0]!.id, quantity: '2.51' }] },
    });
    expect(over.status).toBe(409);
  });

  it('adds a needed job part with 201, and installing beyond the shelf is 409', async () => {
    const s = await scene();
    const added = await callRoute(jobPartsRoute, 'POST', `/api/v1/jobs/${s.job.id}/parts`, {
      token: s.token,
      params: { id: s.job.id },
      json: { part_id: s.parts.part.id, quantity: '20' },
    });
    expect(added.status).toBe(201);
    const jobPart = added.body as { id: string; status: string; unit_price_cents: number };
    expect(jobPart).toMatchObject({ status: 'needed', unit_price_cents: 4_500 });
    const install = await callRoute(installRoute, 'POST', `/api/v1/job-parts/${jobPart.id}/install`, {
      token: s.token,
      params: { id: jobPart.id },
    });
    expect(install.status).toBe(409);
  });
});
