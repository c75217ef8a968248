// Customers: lists and search for everyone, archiving for admins.
import { z } from 'zod';
import {
  createCustomerInput,
  listCustomersInput,
  updateCustomerInput,
  type CustomerDetail,
  type CustomerDto,
  type CustomerListItem,
  type SavedCustomer,
} from '@/db/customers';
import { customerKind } from '@/db/schema';
import { component, matching } from '../components';
import type { ApiRouteSpec } from '../route-spec';
import { relatedJobShape, timestamp, uuid as id, vehicleNameShape } from './fields';

const customerShape = {
  id,
  kind: z.enum(customerKind.enumValues),
  name: z.string(),
  company: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
};

export const customerDto = component('Customer', z.object(customerShape), matching<CustomerDto>());

// Inline wherever it appears (not a component of its own).
const duplicateCustomerDto = z
  .object({ id, name: z.string(), archived: z.boolean(), matches: z.array(z.enum(['phone', 'email'])) })
  .describe('Another customer with the same phone number or email: a warning, never a refusal.');

export const savedCustomerDto = component(
  'SavedCustomer',
  z.object({ ...customerShape, duplicates: z.array(duplicateCustomerDto) }),
  matching<SavedCustomer>(),
);

const customerVehicleShape = {
  id,
  vin: z.string().nullable(),
  plate: z.string().nullable(),
  ...vehicleNameShape,
};

export const customerListItemDto = component(
  'CustomerListItem',
  z.object({
    ...customerShape,
    vehicles: z.array(z.object(customerVehicleShape)).describe('Up to 5 active vehicles.'),
  }),
  matching<CustomerListItem>(),
);

export const customerDetailDto = component(
  'CustomerDetail',
  z.object({
    ...customerShape,
    vehicles: z.array(
      z.object({
        ...customerVehicleShape,
        color: z.string().nullable(),
        odometer: z.number().int().nullable(),
        archivedAt: timestamp.nullable(),
      }),
    ),
    jobs: z
      .array(
        z.object({
          ...relatedJobShape,
          vehicleId: id,
          vehicleMake: z.string(),
          vehicleModel: z.string(),
          vehiclePlate: z.string().nullable(),
        }),
      )
      .describe('Newest first; only the jobs you may see.'),
    duplicates: z.array(duplicateCustomerDto),
  }),
  matching<CustomerDetail>(),
);

export const customersRoutes: ApiRouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/customers',
    operationId: 'listCustomers',
    summary: 'List and search customers',
    description:
      'Sorted by name. `q` searches name, company, phone (digits), email and the plate or VIN of the customer’s vehicles, anywhere in the text; a `q` without three letters or digits in a row matches the start of words instead (`xu` finds “Wei Xu”). Archived customers only with `include_archived=true`.',
    tag: 'Customers',
    query: listCustomersInput,
    list: true,
    response: customerListItemDto,
  },
  {
    method: 'POST',
    path: '/api/v1/customers',
    operationId: 'createCustomer',
    summary: 'Create a customer',
    description: '`duplicates` lists other customers with the same phone or email: a warning, the customer is saved.',
    tag: 'Customers',
    body: createCustomerInput,
    response: savedCustomerDto,
    status: 201,
  },
  {
    method: 'GET',
    path: '/api/v1/customers/{id}',
    operationId: 'getCustomer',
    summary: 'Get a customer with their vehicles and jobs',
    tag: 'Customers',
    response: customerDetailDto,
  },
  {
    method: 'PATCH',
    path: '/api/v1/customers/{id}',
    operationId: 'updateCustomer',
    summary: 'Change a customer',
    description: 'Only the fields sent change; null or "" clears an optional field.',
    tag: 'Customers',
    body: updateCustomerInput,
    response: savedCustomerDto,
  },
  {
    method: 'POST',
    path: '/api/v1/customers/{id}/archive',
    operationId: 'archiveCustomer',
    summary: 'Archive a customer (admin)',
    description: 'The customer leaves lists and search; their history stays. Nothing is deleted.',
    tag: 'Customers',
    role: 'admin',
    response: customerDto,
  },
  {
    method: 'POST',
    path: '/api/v1/customers/{id}/unarchive',
    operationId: 'unarchiveCustomer',
    summary: 'Bring an archived customer back (admin)',
    tag: 'Customers',
    role: 'admin',
    response: customerDto,
  },
];
