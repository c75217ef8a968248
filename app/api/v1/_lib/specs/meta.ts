// The document itself.
import { z } from 'zod';
import { component } from '../components';
import type { ApiRouteSpec } from '../route-spec';

const openApiDocumentDto = component(
  'OpenApiDocument',
  z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.looseObject({})) }),
);

export const metaRoutes: ApiRouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI 3.1 document',
    tag: 'Meta',
    auth: false,
    response: openApiDocumentDto,
  },
];
