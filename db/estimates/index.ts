// Estimates and the customer's authorization (issue 14): versions per job, lines priced like invoice lines,
// draft → sent → approved | declined (any → superseded; `expired` read-time), a sent estimate frozen by the
// database, one append-only answer per version, and the invoice held to what was approved.
export * from './types';
export * from './inputs';
export { readStatus } from './sql';
export { getEstimate, listJobEstimates, getCurrentEstimate, estimateBadges } from './reads';
export { createEstimate, updateEstimate, sendEstimate, reviseEstimate, tokenHashOf } from './writes';
export { recordAuthorization } from './authorizations';
export { listJobEstimateEvents, type EstimateTimelineEventDto } from './timeline';
export {
  getPublicEstimate,
  answerPublicEstimate,
  publicShopContact,
  PUBLIC_REQUESTS_PER_MINUTE,
  type PublicClient,
} from './public';
export { assertInvoiceAuthorized, approvedLinesForInvoice } from './invoicing';
