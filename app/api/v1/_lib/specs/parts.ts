// Parts and stock: the catalogue and its ledger for everyone signed in; catalogue changes and stock adjustments
// for admins. Stock quantities are decimal text with two places ("3.00"), like invoice quantities.
import { z } from 'zod';
import {
  adjustStockInput,
  createPartInput,
  listMovementsInput,
  listPartsInput,
  updatePartInput,
  type PartDto,
  type StockMovementDto,
} from '@/db/parts';
import { stockMovementKind } from '@/db/schema';
import { component, matching } from '../components';
import type { ApiRouteSpec } from '../route-spec';
import { person, timestamp, uuid as id } from './fields';

export const quantity = z.string().describe('Decimal text with two places ("3.00"; negative for stock leaving).');
const documentRef = z.object({ id, number: z.string() });

export const partDto = component(
  'Part',
  z.object({
    id,
    sku: z.string().describe('Unique whatever its case.'),
    name: z.string(),
    brand: z.string().nullable(),
    unitCostCents: z.number().int(),
    unitPriceCents: z.number().int(),
    bin: z.string().nullable(),
    reorderPoint: quantity,
    vendorId: id.nullable().describe('The default vendor: ordering a needed job part drafts it on their order.'),
    onHand: quantity.describe('The sum of the part’s stock movements, kept by the database; never below zero.'),
    reserved: quantity.describe('Needed or received job parts of this part.'),
    available: quantity.describe('on_hand − reserved.'),
    onOrder: quantity.describe('Outstanding on ordered and partially received purchase orders.'),
    reorder: z.boolean().describe('available + on_order is below the reorder point.'),
    archived: z.boolean(),
  }),
  matching<PartDto>(),
);

export const stockMovementDto = component(
  'StockMovement',
  z.object({
    id: z.number().int(),
    kind: z.enum(stockMovementKind.enumValues),
    quantity,
    onHandAfter: quantity,
    reason: z.string().nullable(),
    purchaseOrder: documentRef.nullable().describe('For a receipt: the order (PO-000123).'),
    job: documentRef.nullable().describe('For an issue or a return: the job (J-000123).'),
    createdBy: person,
    createdAt: timestamp,
  }),
  matching<StockMovementDto>(),
);

export const partsRoutes: ApiRouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/parts',
    operationId: 'listParts',
    summary: 'List and search parts',
    description:
      'By name. `q` finds the SKU or name anywhere (without three letters or digits in a row: the start of a word); `reorder=true` keeps the parts flagged for reorder.',
    tag: 'Parts',
    query: listPartsInput,
    list: true,
    response: partDto,
  },
  {
    method: 'POST',
    path: '/api/v1/parts',
    operationId: 'createPart',
    summary: 'Add a part to the catalogue (admin)',
    description: 'A new part has nothing on hand: stock arrives by receipts and adjustments. A second SKU answers 409.',
    tag: 'Parts',
    role: 'admin',
    body: createPartInput,
    response: partDto,
    status: 201,
    errors: [409],
  },
  {
    method: 'GET',
    path: '/api/v1/parts/{id}',
    operationId: 'getPart',
    summary: 'Get a part with its stock',
    tag: 'Parts',
    response: partDto,
  },
  {
    method: 'PATCH',
    path: '/api/v1/parts/{id}',
    operationId: 'updatePart',
    summary: 'Change a part (admin)',
    description:
      'Only the fields sent change; `archived: true` takes it out of lists and search. On hand never changes here.',
    tag: 'Parts',
    role: 'admin',
    body: updatePartInput,
    response: partDto,
    errors: [409],
  },
  {
    method: 'GET',
    path: '/api/v1/parts/{id}/movements',
    operationId: 'listStockMovements',
    summary: 'The part’s stock ledger, newest first',
    tag: 'Parts',
    query: listMovementsInput,
    list: true,
    response: stockMovementDto,
  },
  {
    method: 'POST',
    path: '/api/v1/parts/{id}/adjustments',
    operationId: 'adjustStock',
    summary: 'Adjust the stock on hand (admin)',
    description: 'A signed quantity and a reason. Taking the shelf below zero answers 409.',
    tag: 'Parts',
    role: 'admin',
    body: adjustStockInput,
    response: partDto,
    status: 201,
    errors: [409],
  },
];
