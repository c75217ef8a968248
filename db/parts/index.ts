// Parts, stock and purchase orders: the catalogue and its vendors, the append-only stock ledger (the database
// keeps on hand equal to its sum, never below zero), purchase orders and their deliveries, and the parts a job
// needs, orders, installs or returns. Everyone signed in sees stock, works job parts and receives deliveries;
// admins manage the catalogue, vendors, orders and adjustments.
export * from './types';
export * from './inputs';
export { MAX_STOCK_QUANTITY, quantityText, signedHundredths } from './quantities';
export { createPart, getPart, listParts, updatePart } from './catalogue';
export { createVendor, getVendor, listVendors, updateVendor } from './vendors';
export { adjustStock, listStockMovements } from './stock';
export { getPurchaseOrder, listPurchaseOrders } from './purchase-order-reads';
export {
  cancelPurchaseOrder,
  createPurchaseOrder,
  orderPurchaseOrder,
  receivePurchaseOrder,
  updatePurchaseOrder,
} from './purchase-order-writes';
export {
  addJobPart,
  installedPartsOfJob,
  installJobPart,
  listJobParts,
  orderJobPart,
  getInvoiceStartingParts,
  getPartsSignals,
  partsSignals,
  returnJobPart,
  unitCostForInvoiceLine,
} from './job-parts';
export { draftReorders } from './reorder';
