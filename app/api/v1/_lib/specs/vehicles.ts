// Vehicles: lists and search for everyone, archiving for admins.
import { z } from 'zod';
import {
  createVehicleInput,
  listVehiclesInput,
  updateVehicleInput,
  type SavedVehicle,
  type VehicleDetail,
  type VehicleDto,
  type VehicleListItem,
} from '@/db/vehicles';
import { component, matching } from '../components';
import type { ApiRouteSpec } from '../route-spec';
import { relatedJobShape, timestamp, uuid as id, vehicleNameShape } from './fields';

const vehicleShape = {
  id,
  customerId: id,
  vin: z.string().nullable(),
  plate: z.string().nullable(),
  ...vehicleNameShape,
  color: z.string().nullable(),
  odometer: z.number().int().nullable(),
  archivedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
};

const vinWarning = z
  .string()
  .nullable()
  .describe('Set when the VIN’s check digit is wrong (it was accepted with accept_vin_warning).');

export const vehicleDto = component('Vehicle', z.object(vehicleShape), matching<VehicleDto>());

export const savedVehicleDto = component(
  'SavedVehicle',
  z.object({ ...vehicleShape, vinWarning }),
  matching<SavedVehicle>(),
);

export const vehicleListItemDto = component(
  'VehicleListItem',
  z.object({ ...vehicleShape, customerName: z.string(), customerArchived: z.boolean() }),
  matching<VehicleListItem>(),
);

export const vehicleDetailDto = component(
  'VehicleDetail',
  z.object({
    ...vehicleShape,
    owner: z.object({ id, name: z.string(), phone: z.string().nullable(), archivedAt: timestamp.nullable() }),
    jobs: z.array(z.object(relatedJobShape)).describe('Service history, newest first; only the jobs you may see.'),
    odometerReadings: z.array(
      z.object({
        reading: z.number().int(),
        recordedAt: timestamp,
        source: z.enum(['vehicle', 'job']),
        jobId: id.nullable(),
        jobNumber: z.number().int().nullable(),
      }),
    ),
    vinWarning,
  }),
  matching<VehicleDetail>(),
);

export const vehiclesRoutes: ApiRouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/vehicles',
    operationId: 'listVehicles',
    summary: 'List and search vehicles',
    description:
      'Sorted by make and model. `q` searches plate, VIN, make and model (one or two letters: the start of a word); `customer_id` lists one customer’s vehicles.',
    tag: 'Vehicles',
    query: listVehiclesInput,
    list: true,
    response: vehicleListItemDto,
  },
  {
    method: 'POST',
    path: '/api/v1/vehicles',
    operationId: 'createVehicle',
    summary: 'Register a vehicle for a customer',
    description:
      'A 17-character VIN whose check digit fails answers 422 with the warning under `errors.vin` unless `accept_vin_warning` is true. A VIN already on another active vehicle answers 409.',
    tag: 'Vehicles',
    body: createVehicleInput,
    response: savedVehicleDto,
    status: 201,
    errors: [409],
  },
  {
    method: 'GET',
    path: '/api/v1/vehicles/{id}',
    operationId: 'getVehicle',
    summary: 'Get a vehicle with its owner, service history and odometer readings',
    tag: 'Vehicles',
    response: vehicleDetailDto,
  },
  {
    method: 'PATCH',
    path: '/api/v1/vehicles/{id}',
    operationId: 'updateVehicle',
    summary: 'Change a vehicle',
    description: 'Only the fields sent change. A new VIN is checked like on create (422 warning, 409 duplicate).',
    tag: 'Vehicles',
    body: updateVehicleInput,
    response: savedVehicleDto,
    errors: [409],
  },
  {
    method: 'POST',
    path: '/api/v1/vehicles/{id}/archive',
    operationId: 'archiveVehicle',
    summary: 'Archive a vehicle (admin)',
    description: 'Frees its VIN for another active vehicle. Nothing is deleted.',
    tag: 'Vehicles',
    role: 'admin',
    response: vehicleDto,
  },
  {
    method: 'POST',
    path: '/api/v1/vehicles/{id}/unarchive',
    operationId: 'unarchiveVehicle',
    summary: 'Bring an archived vehicle back (admin)',
    description: 'Refused with 409 while another active vehicle has the same VIN.',
    tag: 'Vehicles',
    role: 'admin',
    response: vehicleDto,
    errors: [409],
  },
];
