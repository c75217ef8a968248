// Every REST API v1 operation, collected from one spec module per resource. The handler wrapper looks each
// route file's spec up here and the document is built from the whole list, so it is complete whichever
// route files Next has loaded. A new resource: a specs/<resource>.ts with its routes, listed below.
import 'server-only';
import { buildOpenApiDocument } from '../openapi';
import type { ApiRouteSpec } from '../route-spec';
import { auditRoutes } from './audit';
import { authRoutes } from './auth';
import { customersRoutes } from './customers';
import { estimatesRoutes } from './estimates';
import { invoicesRoutes } from './invoices';
import { jobsRoutes } from './jobs';
import { metaRoutes } from './meta';
import { partsRoutes } from './parts';
import { purchaseOrdersRoutes } from './purchase-orders';
import { timeRoutes } from './time';
import { usersRoutes } from './users';
import { vehiclesRoutes } from './vehicles';
import { vendorsRoutes } from './vendors';

export const apiRoutes: readonly ApiRouteSpec[] = [
  ...metaRoutes,
  ...authRoutes,
  ...usersRoutes,
  ...customersRoutes,
  ...vehiclesRoutes,
  ...jobsRoutes,
  ...invoicesRoutes,
  ...estimatesRoutes,
  ...auditRoutes,
  ...partsRoutes,
  ...vendorsRoutes,
  ...purchaseOrdersRoutes,
  ...timeRoutes,
];

let cachedDocument: Record<string, unknown> | undefined;

/** The OpenAPI document of every route above (built once per process). */
export function openApiDocument(): Record<string, unknown> {
  cachedDocument ??= buildOpenApiDocument(apiRoutes);
  return cachedDocument;
}
