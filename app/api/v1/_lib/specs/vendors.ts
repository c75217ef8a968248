// Vendors: everyone signed in sees them; admins add and change them.
import { z } from 'zod';
import { createVendorInput, listVendorsInput, updateVendorInput, type VendorDto } from '@/db/parts';
import { component, matching } from '../components';
import type { ApiRouteSpec } from '../route-spec';
import { timestamp, uuid as id } from './fields';

export const vendorDto = component(
  'Vendor',
  z.object({
    id,
    name: z.string(),
    contactName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    accountNumber: z.string().nullable(),
    archived: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
  matching<VendorDto>(),
);

export const vendorsRoutes: ApiRouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/vendors',
    operationId: 'listVendors',
    summary: 'List vendors',
    tag: 'Vendors',
    query: listVendorsInput,
    list: true,
    response: vendorDto,
  },
  {
    method: 'POST',
    path: '/api/v1/vendors',
    operationId: 'createVendor',
    summary: 'Add a vendor (admin)',
    tag: 'Vendors',
    role: 'admin',
    body: createVendorInput,
    response: vendorDto,
    status: 201,
  },
  {
    method: 'GET',
    path: '/api/v1/vendors/{id}',
    operationId: 'getVendor',
    summary: 'Get a vendor',
    tag: 'Vendors',
    response: vendorDto,
  },
  {
    method: 'PATCH',
    path: '/api/v1/vendors/{id}',
    operationId: 'updateVendor',
    summary: 'Change a vendor (admin)',
    tag: 'Vendors',
    role: 'admin',
    body: updateVendorInput,
    response: vendorDto,
  },
];
