// What the parts module answers with: plain objects, integer cents, stock quantities as decimal text ("3.00").
import type { JobPartStatus, PurchaseOrderStatus, StockMovementKind } from '../schema';

export type VendorDto = {
  id: string;
  name: string;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  accountNumber: string | null;
  archived: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type PartDto = {
  id: string;
  sku: string;
  name: string;
  brand: string | null;
  unitCostCents: number;
  unitPriceCents: number;
  bin: string | null;
  reorderPoint: string;
  vendorId: string | null;
  onHand: string;
  /** Needed or received job parts of this part. */
  reserved: string;
  /** on hand − reserved (below zero when jobs need more than the shelf holds). */
  available: string;
  /** Outstanding on ordered and partially received purchase orders. */
  onOrder: string;
  /** available + on order is below the reorder point. */
  reorder: boolean;
  archived: boolean;
};

export type StockMovementDto = {
  id: number;
  kind: StockMovementKind;
  quantity: string;
  onHandAfter: string;
  reason: string | null;
  purchaseOrder: { id: string; number: string } | null;
  job: { id: string; number: string } | null;
  createdBy: { id: string; name: string };
  createdAt: Date;
};

export type PurchaseOrderLineDto = {
  id: string;
  position: number;
  partId: string | null;
  sku: string | null;
  description: string;
  quantity: string;
  unitCostCents: number;
  received: string;
  outstanding: string;
  jobPartId: string | null;
};

export type PurchaseOrderSummaryDto = {
  id: string;
  number: string;
  status: PurchaseOrderStatus;
  vendor: { id: string; name: string };
  expectedAt: Date | null;
  lineCount: number;
  totalCents: number;
  createdAt: Date;
};

export type PurchaseOrderDto = PurchaseOrderSummaryDto & {
  notes: string | null;
  orderedAt: Date | null;
  cancelledAt: Date | null;
  lines: PurchaseOrderLineDto[];
};

export type JobPartDto = {
  id: string;
  jobId: string;
  partId: string | null;
  sku: string | null;
  description: string;
  quantity: string;
  unitPriceCents: number;
  unitCostCents: number;
  status: JobPartStatus;
  /** The part's available stock now (null for a free-text part). */
  available: string | null;
  /** The open purchase order the part is on, if ordered. */
  purchaseOrder: { id: string; number: string; expectedAt: Date | null } | null;
  installedAt: Date | null;
  createdAt: Date;
};

/** What the board, the cards and My jobs show about a job's parts. */
export type JobPartsSignal = { partsEta: Date | null; partsArrived: boolean };
