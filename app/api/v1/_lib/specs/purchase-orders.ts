// Purchase orders and the parts of a job: admins draft, order and cancel; anyone signed in receives a delivery
// and works the parts of the jobs they may see.
import { z } from 'zod';
import {
  addJobPartInput,
  createPurchaseOrderInput,
  listPurchaseOrdersInput,
  receivePurchaseOrderInput,
  updatePurchaseOrderInput,
  type JobPartDto,
  type PurchaseOrderDto,
  type PurchaseOrderSummaryDto,
} from '@/db/parts';
import { jobPartStatus, purchaseOrderStatus } from '@/db/schema';
import { component, matching } from '../components';
import type { ApiRouteSpec } from '../route-spec';
import { timestamp, uuid as id } from './fields';
import { quantity } from './parts';

const summaryShape = {
  id,
  number: z.string().describe('PO-000123, gapless.'),
  status: z.enum(purchaseOrderStatus.enumValues),
  vendor: z.object({ id, name: z.string() }),
  expectedAt: timestamp.nullable(),
  lineCount: z.number().int(),
  totalCents: z.number().int().describe('Σ quantity × unit cost, each line rounded half up to a cent.'),
  createdAt: timestamp,
};

export const purchaseOrderSummaryDto = component(
  'PurchaseOrderSummary',
  z.object(summaryShape),
  matching<PurchaseOrderSummaryDto>(),
);
export const purchaseOrderDto = component(
  'PurchaseOrder',
  z.object({
    ...summaryShape,
    notes: z.string().nullable(),
    orderedAt: timestamp.nullable(),
    cancelledAt: timestamp.nullable(),
    lines: z.array(
      z.object({
        id,
        position: z.number().int(),
        partId: id.nullable(),
        sku: z.string().nullable(),
        description: z.string(),
        quantity,
        unitCostCents: z.number().int(),
        received: quantity,
        outstanding: quantity,
        jobPartId: id.nullable(),
      }),
    ),
  }),
  matching<PurchaseOrderDto>(),
);

export const jobPartDto = component(
  'JobPart',
  z.object({
    id,
    jobId: id,
    partId: id.nullable(),
    sku: z.string().nullable(),
    description: z.string(),
    quantity,
    unitPriceCents: z.number().int(),
    unitCostCents: z.number().int(),
    status: z.enum(jobPartStatus.enumValues),
    available: quantity.nullable().describe('The part’s available stock now; null for a free-text part.'),
    purchaseOrder: z
      .object({ id, number: z.string(), expectedAt: timestamp.nullable() })
      .nullable()
      .describe('The open order the part is on.'),
    installedAt: timestamp.nullable(),
    createdAt: timestamp,
  }),
  matching<JobPartDto>(),
);

const order = (path: `/api/v1/${string}`, operationId: string, summary: string, description: string) =>
  ({
    method: 'POST',
    path,
    operationId,
    summary,
    description,
    tag: 'Purchase orders',
    role: 'admin',
    response: purchaseOrderDto,
    errors: [409],
  }) satisfies ApiRouteSpec;

const jobPartMove = (path: `/api/v1/${string}`, operationId: string, summary: string, description: string) =>
  ({
    method: 'POST',
    path,
    operationId,
    summary,
    description,
    tag: 'Job parts',
    response: jobPartDto,
    errors: [409],
  }) satisfies ApiRouteSpec;

export const purchaseOrdersRoutes: ApiRouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/purchase-orders',
    operationId: 'listPurchaseOrders',
    summary: 'List purchase orders, newest first',
    tag: 'Purchase orders',
    query: listPurchaseOrdersInput,
    list: true,
    response: purchaseOrderSummaryDto,
  },
  {
    method: 'POST',
    path: '/api/v1/purchase-orders',
    operationId: 'createPurchaseOrder',
    summary: 'Draft a purchase order (admin)',
    description:
      'Each line is a part (`part_id`) or free text (`description`); a part line’s cost defaults from the catalogue.',
    tag: 'Purchase orders',
    role: 'admin',
    body: createPurchaseOrderInput,
    response: purchaseOrderDto,
    status: 201,
    errors: [409],
  },
  {
    method: 'GET',
    path: '/api/v1/purchase-orders/{id}',
    operationId: 'getPurchaseOrder',
    summary: 'Get a purchase order with its lines',
    tag: 'Purchase orders',
    response: purchaseOrderDto,
  },
  {
    method: 'PATCH',
    path: '/api/v1/purchase-orders/{id}',
    operationId: 'updatePurchaseOrder',
    summary: 'Change a draft purchase order (admin)',
    description: 'Draft only (409 otherwise): vendor, expected date, notes; `lines` sent are added to the order.',
    tag: 'Purchase orders',
    role: 'admin',
    body: updatePurchaseOrderInput,
    response: purchaseOrderDto,
    errors: [409],
  },
  order(
    '/api/v1/purchase-orders/{id}/order',
    'orderPurchaseOrder',
    'Send a draft to the vendor (admin)',
    'draft → ordered.',
  ),
  order(
    '/api/v1/purchase-orders/{id}/cancel',
    'cancelPurchaseOrder',
    'Cancel a purchase order (admin)',
    'From draft, or ordered with nothing received; its job parts go back to needed.',
  ),
  {
    method: 'POST',
    path: '/api/v1/purchase-orders/{id}/receive',
    operationId: 'receivePurchaseOrder',
    summary: 'Receive a delivery',
    description:
      'The quantity received per line (0 for a line not in this delivery). Adds receipt movements, marks linked job parts received once their line is complete and moves the order to partially_received or received. More than is outstanding answers 409.',
    tag: 'Purchase orders',
    body: receivePurchaseOrderInput,
    response: purchaseOrderDto,
    errors: [409],
  },
  {
    method: 'GET',
    path: '/api/v1/jobs/{id}/parts',
    operationId: 'listJobParts',
    summary: 'The parts of a job',
    description: 'Oldest first, every part of the job in one page (`next_cursor` is always null).',
    tag: 'Job parts',
    list: true,
    response: jobPartDto,
  },
  {
    method: 'POST',
    path: '/api/v1/jobs/{id}/parts',
    operationId: 'addJobPart',
    summary: 'Add a part the job needs',
    description:
      'A catalogue part (`part_id`; price and cost default from it) or free text (`description`). Starts as needed: reserved.',
    tag: 'Job parts',
    body: addJobPartInput,
    response: jobPartDto,
    status: 201,
    errors: [409],
  },
  jobPartMove(
    '/api/v1/job-parts/{id}/order',
    'orderJobPart',
    'Order a needed part',
    'Adds it to the open draft order of the part’s default vendor (a new draft if none) and links it: needed → ordered.',
  ),
  jobPartMove(
    '/api/v1/job-parts/{id}/install',
    'installJobPart',
    'Install a part',
    'Issues the stock: needed or received → installed. Not enough on hand answers 409.',
  ),
  jobPartMove(
    '/api/v1/job-parts/{id}/return',
    'returnJobPart',
    'Return a part',
    'installed → returned gives the stock back; a needed or received part stops being reserved.',
  ),
];
